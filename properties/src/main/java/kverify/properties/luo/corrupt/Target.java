package kverify.properties.luo.corrupt;

/** Which chain a chain corruption aims at: the session chain or one session's file chain. */
enum Target {
    SESSIONS, FILES
}
