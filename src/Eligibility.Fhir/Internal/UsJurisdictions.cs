namespace Eligibility.Fhir.Internal;

/// <summary>USPS codes and names of the 56 jurisdictions the law data covers, for reading <c>Address.state</c>.</summary>
internal static class UsJurisdictions
{
    private static readonly (string Code, string Name)[] All =
    [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"), ("CO", "Colorado"),
        ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"),
        ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
        ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"),
        ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"),
        ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
        ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
        ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
        ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
        ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"), ("PR", "Puerto Rico"), ("GU", "Guam"),
        ("VI", "U.S. Virgin Islands"), ("MP", "Northern Mariana Islands"), ("AS", "American Samoa"),
    ];

    private static readonly Dictionary<string, string> ByKey = Build();

    /// <summary>Country values that mean the United States (or leave the state to say which jurisdiction).</summary>
    private static readonly HashSet<string> UnitedStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "US", "USA", "U.S.", "U.S.A.", "United States", "United States of America", "840",
    };

    /// <summary>The USPS code for a state or territory code or name (any case, surrounding whitespace and dots ignored), or null.</summary>
    public static string? Find(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return ByKey.TryGetValue(Key(value), out var code) ? code : null;
    }

    /// <summary>Whether a country value allows a US jurisdiction: absent, the United States, or a territory's own code or name.</summary>
    public static bool IsUsCountry(string? country) =>
        string.IsNullOrWhiteSpace(country) || UnitedStates.Contains(country.Trim()) || Find(country) is not null;

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, name) in All)
        {
            map[code] = code;
            map[Key(name)] = code;
        }

        map[Key("Virgin Islands")] = "VI";
        map[Key("US Virgin Islands")] = "VI";
        map[Key("United States Virgin Islands")] = "VI";
        map[Key("Commonwealth of the Northern Mariana Islands")] = "MP";
        map[Key("Washington DC")] = "DC";
        map[Key("Washington, D.C.")] = "DC";
        map[Key("D.C.")] = "DC";
        return map;
    }

    private static string Key(string value) =>
        string.Join(' ', value.Replace(".", "", StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
