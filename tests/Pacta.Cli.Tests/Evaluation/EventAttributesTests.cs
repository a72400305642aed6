using Pacta.Evaluation;
using Pacta.Tests.Support;

namespace Pacta.Tests.Evaluation;

/// <summary>Event attributes: unknown unless stated, compared by value, read from <c>--event-attribute NAME=yes|no</c>.</summary>
public sealed class EventAttributesTests
{
    [Fact]
    public void Attributes_UnknownUnlessStated_ComparedByValue()
    {
        Assert.Null(EventAttributes.None["sustained"]);
        var a = EventAttributes.None.With("sustained", true).With("deliberate", false);
        Assert.True(a["sustained"]);
        Assert.False(a["deliberate"]);
        Assert.Null(a["significant"]);
        Assert.Equal(EventAttributes.None.With("deliberate", false).With("sustained", true), a);
        Assert.Equal(a.GetHashCode(), EventAttributes.None.With("deliberate", false).With("sustained", true).GetHashCode());
        Assert.Equal(EventAttributes.None, a.With("sustained", null).With("deliberate", null));
        Assert.Equal("deliberate=no, sustained=yes", a.ToString());
        Assert.Throws<ArgumentException>(() => a.With("Sustained", true));
    }

    [Theory]
    [InlineData("sustained=yes", "sustained", true)]
    [InlineData("large-scale=no", "large-scale", false)]
    [InlineData("deliberate=unknown", "deliberate", null)]
    public void Parse_NameEqualsYesNoUnknown(string text, string name, bool? value)
    {
        Assert.Equal((name, value), EventAttributes.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("sustained", "'sustained' must be NAME=yes|no|unknown")]
    [InlineData("Sustained=yes", "'Sustained=yes' must be NAME=yes|no|unknown")]
    [InlineData("sustained=maybe", "'maybe' must be yes, no or unknown")]
    public void Parse_BadText_SaysWhy(string text, string message)
    {
        Assert.Null(EventAttributes.Parse(text, out var error));
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void WhatIf_EventAttribute_ShownInTheHeading_OutcomeUnchanged()
    {
        string[] scenario = ["what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01"];
        var plain = PactaCli.Run(scenario);
        var r = PactaCli.Run([.. scenario, "--event-attribute", "sustained=yes", "--event-attribute", "deliberate=no"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Event attribute", r.Stdout);
        Assert.Contains("deliberate: no", r.Stdout);
        Assert.Contains("sustained: yes", r.Stdout);
        // No check reads attributes yet (the threshold checks of issue 15 will): the rest is the same.
        Assert.Equal(plain.Stdout.Split('\n').Length + 2, r.Stdout.Split('\n').Length);
    }

    [Theory]
    [InlineData("sustained=maybe", "--event-attribute: 'maybe' must be yes, no or unknown")]
    [InlineData("sustained", "--event-attribute: 'sustained' must be NAME=yes|no|unknown")]
    public void WhatIf_BadEventAttribute_OneLineErrorExit1(string value, string message)
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--event-attribute", value);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.Empty(r.Stdout);
    }

    [Fact]
    public void WhatIf_EventAttributeGivenTwice_Exit1()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--event-attribute", "sustained=yes", "--event-attribute", "sustained=no");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--event-attribute: 'sustained' is given twice", r.Stderr);
    }
}
