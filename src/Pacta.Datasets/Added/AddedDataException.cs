namespace Pacta.Datasets.Added;

/// <summary>A shipped data file behind an added column family is missing or malformed (file, line and what is wrong).</summary>
public sealed class AddedDataException(string message) : IOException(message);
