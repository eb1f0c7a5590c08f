namespace Eligibility;

/// <summary>An ICD-10-CM code (or a range of three-character categories) mapped to a condition, with how it was checked.</summary>
/// <param name="Code">The code as written in the catalog ("F11.2", or a range such as "C00-C96").</param>
/// <param name="Title">The official ICD-10-CM title, when it was verified; otherwise <see langword="null"/>.</param>
/// <param name="Verified">Whether the code's existence and title were read in a code reference.</param>
/// <param name="Source">Where it was read (a URL), or <see langword="null"/> when not verified.</param>
public sealed record ConditionCode(string Code, string? Title, bool Verified, string? Source);
