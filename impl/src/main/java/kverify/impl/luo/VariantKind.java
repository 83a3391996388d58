package kverify.impl.luo;

/**
 * What a variant of one version is: the code as the mails posted it (v1), as it was applied (v7),
 * what the contract requires of that version's code, or a reviewer's suggestion on it.
 */
public enum VariantKind {
    AS_POSTED,
    AS_APPLIED,
    CORRECTED,
    REVIEW_SUGGESTION
}
