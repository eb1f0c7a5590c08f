namespace Eligibility.Engine.Tests.TestAssets;

public sealed record Person(string Name, int Age);

public sealed record Adult(Person Person);

public sealed record Voter(Person Person);

public sealed record Juror(Person Person);

public sealed record Town(string Name);

public sealed record Residence(Person Person, Town Town);

public sealed record Blocked(Person Person);

public sealed record Note(string Text);

public sealed record Counter(int Value);
