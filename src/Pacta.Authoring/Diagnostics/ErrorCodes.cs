namespace Pacta.Authoring.Diagnostics;

/// <summary>
/// The stable error codes of the file validator. Codes are public API: they are never renumbered or
/// reused; docs/errors.md lists them (a test keeps the two in step).
/// </summary>
public static class ErrorCodes
{
    public const string YamlSyntax = "PACTA001";
    public const string UnknownKey = "PACTA002";
    public const string DuplicateKey = "PACTA003";
    public const string MissingKey = "PACTA004";
    public const string WrongType = "PACTA005";
    public const string EmptyValue = "PACTA006";
    public const string EmptyFile = "PACTA007";
    public const string Unreadable = "PACTA008";

    public const string BadDate = "PACTA010";
    public const string EndBeforeStart = "PACTA011";
    public const string InForceBeforeSigned = "PACTA012";
    public const string BadDuration = "PACTA013";
    public const string BadDeadline = "PACTA014";
    public const string MissingInForce = "PACTA015";
    public const string ProposalInForce = "PACTA016";
    public const string TerminatedWithoutEnd = "PACTA017";
    public const string PartyOutsideAgreement = "PACTA018";

    public const string UnknownForm = "PACTA020";
    public const string UnknownStatus = "PACTA021";
    public const string UnknownBindingness = "PACTA022";
    public const string UnknownRole = "PACTA023";
    public const string UnknownProvisionKind = "PACTA024";
    public const string UnknownTriggerKind = "PACTA025";
    public const string UnknownStrength = "PACTA026";
    public const string UnknownFirmness = "PACTA027";
    public const string UnknownConditionKind = "PACTA028";
    public const string UnknownAssistanceType = "PACTA029";

    public const string UnknownState = "PACTA030";
    public const string AmbiguousState = "PACTA031";
    public const string UnknownOrganization = "PACTA032";
    public const string UnknownLocation = "PACTA033";
    public const string UnknownRegion = "PACTA034";
    public const string UnknownConflict = "PACTA035";
    public const string UnknownSource = "PACTA036";
    public const string UnknownAgreement = "PACTA037";
    public const string TargetNotParty = "PACTA038";
    public const string ObligorNotParty = "PACTA039";

    public const string BadCurrency = "PACTA040";
    public const string IdMismatch = "PACTA041";
    public const string DuplicateId = "PACTA042";
    public const string DuplicateProvision = "PACTA043";
    public const string DuplicateSource = "PACTA044";
    public const string BadSelector = "PACTA045";
    public const string PartyShape = "PACTA046";
    public const string DuplicateParty = "PACTA047";
    public const string TriggerWithoutObligation = "PACTA048";
    public const string BadNumber = "PACTA049";

    public const string BadYear = "PACTA050";
    public const string BadUrl = "PACTA051";
    public const string BadId = "PACTA052";
    public const string NoProvisions = "PACTA053";
    public const string BadTerritory = "PACTA054";
    public const string TargetWithoutTrigger = "PACTA055";
    public const string FirmnessWithoutDeadline = "PACTA056";
    public const string BadPercent = "PACTA057";
    public const string SuspensionNotParty = "PACTA058";
    public const string DuplicateMember = "PACTA059";
    public const string NoSources = "PACTA060";
    public const string ProvisionWithoutSource = "PACTA061";
    public const string DurationOutOfRange = "PACTA062";
    public const string BadSameAs = "PACTA063";
    public const string BadEncoding = "PACTA064";
    public const string FileTooLarge = "PACTA065";
    public const string ControlCharacter = "PACTA066";
    public const string UnknownRelation = "PACTA067";

    // Clause kinds of the 2025-26 guarantees (thresholds on the attack, void-if conditions).
    public const string BadThreshold = "PACTA075";
    public const string BadVoidIf = "PACTA076";

    // The review of ATOP alliances continued after the release (corpus/reviews/).
    public const string UnknownAtopAlliance = "PACTA080";
    public const string ReviewDateOutOfRange = "PACTA081";
    public const string ReviewInconsistent = "PACTA082";

    // Contested clauses and their readings.
    public const string UnknownDefaultReading = "PACTA090";
    public const string ReadingShape = "PACTA091";
    public const string DuplicateReading = "PACTA092";

    // Warnings (source hygiene): PACTA1xx, so that new error codes never collide with them.
    public const string SiteRootUrl = "PACTA101";
    public const string SharedUrl = "PACTA102";
    public const string WeakSourcesOnly = "PACTA103";
    public const string PartialQuote = "PACTA104";
    public const string NoRetrievedDate = "PACTA105";

    /// <summary>Every warning code with a one-line description (rendered into docs/errors.md).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Description)> WarningCatalogue =
    [
        (SiteRootUrl, "site-root-url", "A source URL is a site's home page (no path beyond `/`, no query), which cannot show the fact."),
        (SharedUrl, "shared-url", "The same URL is cited by two files that share no party and have no `related` link."),
        (WeakSourcesOnly, "weak-sources-only", "Every source a provision cites has `reliability: weak`."),
        (PartialQuote, "partial-quote", "A provision with a trigger quotes fewer than 8 words of its clause."),
        (NoRetrievedDate, "no-retrieved-date", "A source has no `retrieved` date."),
    ];

    /// <summary>Every code with a one-line description, in code order (rendered into docs/errors.md).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Description)> Catalogue =
    [
        (YamlSyntax, "yaml-syntax", "The file is not well-formed YAML (or uses anchors/aliases, which are refused)."),
        (UnknownKey, "unknown-key", "A key the format does not define; the message suggests the nearest known key."),
        (DuplicateKey, "duplicate-key", "The same key appears twice in one mapping."),
        (MissingKey, "missing-key", "A required key is absent."),
        (WrongType, "wrong-type", "A value has the wrong shape (a list where a mapping is expected, …)."),
        (EmptyValue, "empty-value", "A required value is empty."),
        (EmptyFile, "empty-file", "The file holds no YAML document."),
        (Unreadable, "unreadable", "The file or folder cannot be read."),
        (BadDate, "bad-date", "Not a calendar date YYYY-MM-DD (or `open` where an open end is allowed)."),
        (EndBeforeStart, "end-before-start", "An interval ends before it starts."),
        (InForceBeforeSigned, "in-force-before-signed", "Entry into force precedes signature."),
        (BadDuration, "bad-duration", "`duration` or `notice` is not an ISO 8601 duration such as P10Y or P6M."),
        (BadDeadline, "bad-deadline", "A deadline is not an ISO 8601 duration such as PT24H."),
        (MissingInForce, "missing-in-force", "Status in-force, expired or terminated needs an `in_force` date."),
        (ProposalInForce, "proposal-in-force", "A proposal cannot have an `in_force` date; evaluate it with --assume-adopted."),
        (TerminatedWithoutEnd, "terminated-without-end", "Status expired or terminated needs an `ends` date or a `duration`."),
        (PartyOutsideAgreement, "party-outside-agreement", "A party's dates start after the agreement has ended."),
        (UnknownForm, "unknown-form", "`form` is not treaty, executive-agreement, declaration, memorandum or proposal."),
        (UnknownStatus, "unknown-status", "`status` is not proposal, signed, in-force, expired or terminated."),
        (UnknownBindingness, "unknown-bindingness", "`bindingness` is not legal, political or none."),
        (UnknownRole, "unknown-role", "A party role is not member, guarantor, beneficiary or signatory."),
        (UnknownProvisionKind, "unknown-provision-kind", "A provision kind is not one of the defined kinds."),
        (UnknownTriggerKind, "unknown-trigger-kind", "A trigger or breach kind is not one of the defined event kinds."),
        (UnknownStrength, "unknown-strength", "`strength` is not automatic, discretionary or consultative."),
        (UnknownFirmness, "unknown-firmness", "`firmness` is not hard or where-possible."),
        (UnknownConditionKind, "unknown-condition-kind", "A condition kind is not one of the defined kinds."),
        (UnknownAssistanceType, "unknown-assistance-type", "An assistance type is not one of the defined types."),
        (UnknownState, "unknown-state", "No state matches the code or name; candidates are listed."),
        (AmbiguousState, "ambiguous-state", "Several states match the name; use a code."),
        (UnknownOrganization, "unknown-organization", "No organization file has this id."),
        (UnknownLocation, "unknown-location", "Not an ISO 3166-1 alpha-2 or ISO 3166-2 code, nor a `sea-air:ID` area, known to Pacta."),
        (UnknownRegion, "unknown-region", "`region:ID` names no region in data/locations/regions.yaml."),
        (UnknownConflict, "unknown-conflict", "`after_hostilities` names no conflict file."),
        (UnknownSource, "unknown-source", "A provision cites a source id the file does not define."),
        (UnknownAgreement, "unknown-agreement", "A reference names an agreement id that is not in the corpus."),
        (TargetNotParty, "target-not-party", "A trigger's target names a state that is not a party of the agreement."),
        (ObligorNotParty, "obligor-not-party", "An obligor or beneficiary names a state that is not a party."),
        (BadCurrency, "bad-currency", "A currency that is not an ISO 4217 code."),
        (IdMismatch, "id-mismatch", "The `id` differs from the file name."),
        (DuplicateId, "duplicate-id", "Two files define the same id."),
        (DuplicateProvision, "duplicate-provision", "Two provisions of one agreement share an id."),
        (DuplicateSource, "duplicate-source", "Two sources of one file share an id."),
        (BadSelector, "bad-selector", "A target, attacker, obligor or beneficiary value that is not allowed there."),
        (PartyShape, "party-shape", "A party needs exactly one of `state` and `organization`."),
        (DuplicateParty, "duplicate-party", "The same state or organization is a party twice over overlapping dates."),
        (TriggerWithoutObligation, "trigger-without-obligation", "A provision with a trigger but no obligation does nothing."),
        (BadNumber, "bad-number", "An amount is not a number."),
        (BadYear, "bad-year", "An amount's year is not YYYY or YYYY-YYYY."),
        (BadUrl, "bad-url", "A source URL is not an absolute http(s) URL."),
        (BadId, "bad-id", "An id is not lower-case kebab-case (letters, digits, '-')."),
        (NoProvisions, "no-provisions", "An agreement without provisions."),
        (BadTerritory, "bad-territory", "A scope's territory is not target, any-party or any."),
        (UnknownRelation, "unknown-relation", "A related entry's relation is not same-as, supersedes or successor-of."),
        (TargetWithoutTrigger, "target-without-trigger", "`beneficiary: target` in a provision that has no trigger."),
        (FirmnessWithoutDeadline, "firmness-without-deadline", "`firmness` is given but there is no deadline."),
        (BadPercent, "bad-percent", "`percent_of_gdp` must be greater than 0 and at most 100."),
        (SuspensionNotParty, "suspension-not-party", "A suspension names a counterpart that is not a party."),
        (DuplicateMember, "duplicate-member", "An organization lists a state twice over overlapping dates."),
        (NoSources, "no-sources", "A file without sources: every fact must be cited."),
        (ProvisionWithoutSource, "provision-without-source", "A provision that cites no source."),
        (DurationOutOfRange, "duration-out-of-range", "A duration, notice or deadline longer than 1,000 years, or a duration that ends after 9999-12-31."),
        (BadSameAs, "bad-same-as", "`relation: same-as` names a hand-encoded agreement or the file itself; it may only name an imported ATOP alliance (atop-ID)."),
        (BadEncoding, "bad-encoding", "The file is not valid UTF-8; the position is that of the first invalid byte."),
        (FileTooLarge, "file-too-large", "The file is larger than 1 MiB."),
        (ControlCharacter, "control-character", "A key or value holds a control character (ESC, NUL, …) or a bidirectional override; write it out in words."),
        (BadThreshold, "bad-threshold", "A trigger's `threshold` is not a mapping with `all_of` naming event attributes (lower-case words joined by '-'), each once."),
        (BadVoidIf, "bad-void-if", "A trigger's `void_if` is not a list of `{attribute, text}` entries with event attribute names, each once and none also in the threshold."),
        (UnknownAtopAlliance, "unknown-atop-alliance", "A review names an ATOP id that the ATOP release in use does not have, or reviews it twice."),
        (ReviewDateOutOfRange, "review-date-out-of-range", "A review date (an end, a member leaving or joining) lies before the release's end (2019-01-01) or after today."),
        (ReviewInconsistent, "review-inconsistent", "A review's status does not fit its dates: `ended` needs `ended`, `changed` needs `changes`, `continued` has neither."),
        (UnknownDefaultReading, "unknown-default-reading", "A contested clause's `default` names none of its readings."),
        (ReadingShape, "reading-shape", "A contested clause with fewer than two readings, a reading that sets nothing or other keys than its siblings, or a key its level does not allow."),
        (DuplicateReading, "duplicate-reading", "Two contested clauses of one provision (or of the agreement), or two readings of one clause, share an id."),
    ];
}
