using System.Text.Json.Serialization;

namespace Eligibility;

/// <summary>The outcome of a condition in a jurisdiction, and of a query as a whole.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    /// <summary>Listed without further qualifiers (or every qualifier was shown).</summary>
    [JsonStringEnumMemberName("qualifies")]
    Qualifies,

    /// <summary>Listed, but the law attaches qualifiers the caller has not shown; they are returned as requirements.</summary>
    [JsonStringEnumMemberName("qualifies-with-requirements")]
    QualifiesWithRequirements,

    /// <summary>Not listed, but a practitioner may certify it.</summary>
    [JsonStringEnumMemberName("practitioner-discretion")]
    PractitionerDiscretion,

    /// <summary>The jurisdiction has a program and this condition is not in its (complete) list.</summary>
    [JsonStringEnumMemberName("not-qualifying")]
    NotQualifying,

    /// <summary>The jurisdiction has no medical-cannabis program on that date.</summary>
    [JsonStringEnumMemberName("no-program")]
    NoProgram,

    /// <summary>The data does not establish the condition's status there; never guessed.</summary>
    [JsonStringEnumMemberName("law-unknown")]
    LawUnknown,

    /// <summary>The input could not be resolved to a condition.</summary>
    [JsonStringEnumMemberName("unknown-condition")]
    UnknownCondition,
}

/// <summary>Why a condition got its outcome.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Basis>))]
public enum Basis
{
    /// <summary>The law lists the condition itself.</summary>
    [JsonStringEnumMemberName("listed")]
    Listed,

    /// <summary>The law lists a broader condition this one is a kind of (intractable pain under chronic pain).</summary>
    [JsonStringEnumMemberName("broader-condition")]
    BroaderCondition,

    /// <summary>The law lists a narrower form of the condition defined by a qualifier (intractable pain for chronic pain); it counts once that qualifier is shown.</summary>
    [JsonStringEnumMemberName("narrower-condition")]
    NarrowerCondition,

    /// <summary>The law lists a condition this one implies (opioid withdrawal judged as opioid use disorder).</summary>
    [JsonStringEnumMemberName("implied-condition")]
    ImpliedCondition,

    /// <summary>A practitioner may certify it under the law's catch-all (whether or not it is also listed).</summary>
    [JsonStringEnumMemberName("practitioner-discretion")]
    PractitionerDiscretion,

    /// <summary>A recorded decision (a petition denied, a board vote) declined to add the condition to the list.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>No basis: the condition does not qualify, the law is unknown, or there is no program.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>How sure the data is of a fact.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Confidence>))]
public enum Confidence
{
    /// <summary>Read in the official statute, regulation or agency text.</summary>
    [JsonStringEnumMemberName("high")]
    High,

    /// <summary>Official but possibly dated, or a reputable secondary summary.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>Could not be confirmed.</summary>
    [JsonStringEnumMemberName("low")]
    Low,
}

/// <summary>The kind of medical-cannabis program.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgramKind>))]
public enum ProgramKind
{
    /// <summary>Medical cannabis including THC products.</summary>
    [JsonStringEnumMemberName("comprehensive")]
    Comprehensive,

    /// <summary>Only low-THC (or CBD-oil) products for listed conditions.</summary>
    [JsonStringEnumMemberName("low-thc")]
    LowThc,

    /// <summary>No medical program.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>A qualifier the law attaches to a listed condition; unless shown by the caller it becomes a requirement.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualifierKind>))]
public enum QualifierKind
{
    /// <summary>The condition must be intractable.</summary>
    [JsonStringEnumMemberName("intractable")]
    Intractable,

    /// <summary>The condition must be severe.</summary>
    [JsonStringEnumMemberName("severe")]
    Severe,

    /// <summary>The condition must be debilitating.</summary>
    [JsonStringEnumMemberName("debilitating")]
    Debilitating,

    /// <summary>The condition must be chronic.</summary>
    [JsonStringEnumMemberName("chronic")]
    Chronic,

    /// <summary>Conventional treatment failed, is contraindicated or not tolerated.</summary>
    [JsonStringEnumMemberName("conventional-treatment-failed")]
    ConventionalTreatmentFailed,

    /// <summary>The condition has lasted a minimum number of months.</summary>
    [JsonStringEnumMemberName("minimum-duration")]
    MinimumDuration,

    /// <summary>Only as an alternative to an opioid.</summary>
    [JsonStringEnumMemberName("opioid-alternative")]
    OpioidAlternative,

    /// <summary>Only alongside (or while enrolled in) treatment for opioid use disorder.</summary>
    [JsonStringEnumMemberName("with-oud-treatment")]
    WithOudTreatment,

    /// <summary>Certified or diagnosed by a named kind of specialist.</summary>
    [JsonStringEnumMemberName("specialist-certification")]
    SpecialistCertification,

    /// <summary>The symptom must be produced by an underlying (chronic or debilitating) condition.</summary>
    [JsonStringEnumMemberName("caused-by-underlying-condition")]
    CausedByUnderlyingCondition,

    /// <summary>Another qualifier, in the law's words.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>Status of a listing entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListingStatus>))]
public enum ListingStatus
{
    /// <summary>The law lists the condition in this period.</summary>
    [JsonStringEnumMemberName("listed")]
    Listed,

    /// <summary>The sources do not establish whether it qualifies in this period.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>
    /// An addition to the list was considered and rejected (a petition denied, a board vote against) on the entry's
    /// <c>from</c> date: the condition does not qualify through a listing from then until a later entry changes it,
    /// even where the rest of the list is incomplete.
    /// </summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

/// <summary>How a non-resident can take part in a jurisdiction's program.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VisitorRoute>))]
public enum VisitorRoute
{
    /// <summary>Not at all.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>A home-state card is honoured.</summary>
    [JsonStringEnumMemberName("reciprocity")]
    Reciprocity,

    /// <summary>Visitors can register or apply for a temporary card.</summary>
    [JsonStringEnumMemberName("visitor-registration")]
    VisitorRegistration,

    /// <summary>Not established.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary>Legal status of kratom.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KratomStatus>))]
public enum KratomStatus
{
    /// <summary>No state law restricts it.</summary>
    [JsonStringEnumMemberName("legal")]
    Legal,

    /// <summary>Regulated (age limit, labelling), e.g. a Kratom Consumer Protection Act.</summary>
    [JsonStringEnumMemberName("regulated")]
    Regulated,

    /// <summary>Scheduled or prohibited statewide.</summary>
    [JsonStringEnumMemberName("banned")]
    Banned,

    /// <summary>Not established.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary>What a patient-level requirement does to the outcome.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RequirementKind>))]
public enum RequirementKind
{
    /// <summary>A step every patient takes (certification, registry enrolment); does not change the outcome.</summary>
    [JsonStringEnumMemberName("procedure")]
    Procedure,

    /// <summary>An extra condition the law sets for this patient (e.g. a caregiver for a minor): a qualifying outcome becomes qualifies-with-requirements.</summary>
    [JsonStringEnumMemberName("additional")]
    Additional,

    /// <summary>The patient cannot take part (e.g. a visitor where residency is required and there is no visitor route): the outcome becomes not-qualifying.</summary>
    [JsonStringEnumMemberName("blocking")]
    Blocking,
}
