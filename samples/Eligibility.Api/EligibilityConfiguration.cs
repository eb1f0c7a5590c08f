namespace Eligibility.Api;

/// <summary>The engine's options from configuration: appsettings.json, environment (<c>Eligibility__DataDirectory</c>) or the command line (<c>--Eligibility:DataDirectory=...</c>).</summary>
internal static class EligibilityConfiguration
{
    /// <summary>Reads <c>DataDirectory</c>, <c>WatchDataDirectory</c> and <c>AllowJurisdictionRemoval</c> from <paramref name="section"/>.</summary>
    public static void ReadFrom(this EligibilityOptions options, IConfigurationSection section)
    {
        options.DataDirectory = section["DataDirectory"] is { Length: > 0 } directory ? directory : null;
        options.WatchDataDirectory = section.GetValue("WatchDataDirectory", false);
        options.AllowJurisdictionRemoval = section.GetValue("AllowJurisdictionRemoval", false);
    }
}
