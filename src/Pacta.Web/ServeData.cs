using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Web;

/// <summary>
/// What the server reasons over, loaded once by the caller (the CLI's workspace): the corpus with the imported
/// ATOP alliances, the ATOP release for dataset export (null when not shipped), and the shipped data folder.
/// </summary>
public sealed record ServeData(Corpus Corpus, AtopRelease? Atop, string DataDir);
