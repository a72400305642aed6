using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Web;

/// <summary>
/// What the server reasons over: one workspace session (the corpus with the imported ATOP alliances, the ATOP
/// release, the cascade's shipped data), loaded once by the host.
/// </summary>
public sealed class ServeData(PactaSession session)
{
    public PactaSession Session => session;
    public Corpus Corpus => session.Corpus;
    public AtopRelease? Atop => session.Atop;
    public string DataDir => PactaSession.DataDir;
}
