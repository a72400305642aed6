namespace Pacta.Storage;

/// <summary>An agreement a user drafted: its id and YAML text, kept apart from the bundled corpus.</summary>
public sealed record DraftAgreement(string Id, string Yaml, DateTimeOffset Updated);
