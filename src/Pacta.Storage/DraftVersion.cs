namespace Pacta.Storage;

/// <summary>
/// One saved version of a drafted agreement: every save makes a new one, numbered from 1, with who saved it and why.
/// Restoring a version saves its text again as the next version, so history is never rewritten.
/// </summary>
public sealed record DraftVersion(string Draft, int Version, string Yaml, string Author, string Note, DateTimeOffset Saved);
