using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// An organization in an obligor's place (the EU's duty to consult). Listings that expect a state get a stand-in with
/// COW code 0, which no state has; the JSON names the organization itself (<c>{"organization": "eu", …}</c>).
/// </summary>
public static class OrganizationObligor
{
    public const int Cow = 0;

    public static State AsState(Organization o) => new(Cow, o.Id.ToUpperInvariant(), null, null, o.Name, []);
}
