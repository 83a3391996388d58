package kverify.properties.luo.corrupt;

import java.util.Map;

/**
 * The one-line explanation of every divergence key the harvest has met, written after reading
 * its shrunk case. Keys through file blocks concern the 2/5 file chains, transcribed from the
 * posted code (docs/luo.md, decision 3).
 */
final class FindingExplanations {
    private static final Map<String, String> LINES = Map.ofEntries(
            Map.entry("setup reads outside RAM through session blocks",
                    "setup follows a session block's next pointer without checking it: a PA beyond RAM (one flipped bit) is"
                    + " dereferenced at early boot, an oops in the new kernel"),
            Map.entry("setup reads memory that was not preserved through session blocks",
                    "setup follows next into memory no KHO folio preserves and reads whatever the new kernel keeps there as a"
                    + " session block header"),
            Map.entry("setup visits more blocks than the image holds through session blocks",
                    "a session block whose next points to itself is walked again and again until LUO_MAX_BLOCKS (4 here, 10000"
                    + " at the real geometry); the corrected walk stops at the first repeat"),
            Map.entry("chain cycle: setup Err(ENOSPC), model Err(EINVAL)",
                    "a cyclic session chain is reported as ENOSPC (too many blocks) after LUO_MAX_BLOCKS visits instead of as a"
                    + " corrupted chain; the boot panics either way"),
            Map.entry("chain pointer: setup Ok, model Err(EINVAL)",
                    "setup accepts a next pointer that is not the head of a preserved session block (here inside the first"
                    + " block) and takes the bytes there for a block header; the next kernel goes on with garbage"),
            Map.entry("chain pointer: setup Err(ENOSPC), model Err(EINVAL)",
                    "setup never checks a next pointer, it only counts blocks: a bad pointer on the last of LUO_MAX_BLOCKS"
                    + " blocks is reported as ENOSPC (too many blocks) instead of as a corrupted pointer"),
            Map.entry("deserialize reads memory that was not preserved through session blocks",
                    "setup accepts a session next pointer into a smaller preserved folio (an unaligned one inside an 8 KiB file"
                    + " block); deserialize then reads that 64 KiB 'block' past the end of the folio, from unpreserved memory"),
            Map.entry("deserialize visits more blocks than the image holds through session blocks",
                    "an unaligned session next pointer makes setup accept a 'block' inside another block; deserialize reads its"
                    + " garbage entries and walks their file chains again and again"),
            Map.entry("rejected handover leaves sessions half-restored",
                    "when deserialize fails part way (a file chain longer than LUO_MAX_BLOCKS), the sessions inserted before the"
                    + " failure stay in the incoming list: open returns EIO but they remain, half of a rejected handover"),
            Map.entry("rejected handover keeps its session blocks",
                    "a session block count above capacity fails deserialize (open returns EIO) and 1/5 neither restores nor"
                    + " frees the session blocks nor their tracking entries: preserved pages and the list stay allocated"),
            Map.entry("name unterminated: open Ok, model Err(EIO)",
                    "a session name with no NUL in its 64 bytes is accepted, silently cut to 63 bytes by strscpy, instead of"
                    + " rejecting the handover"),
            Map.entry("name empty: open Ok, model Err(EIO)",
                    "a session with an empty name is restored; no valid handover holds one (decision C2 of docs/corruption.md)"),
            Map.entry("deserialize reads outside RAM through file blocks",
                    "a file set pointer beyond RAM is followed when the session's files are deserialized"
                    + " (luo_file_deserialize, 5d766e26: an oops)"),
            Map.entry("deserialize reads memory that was not preserved through file blocks",
                    "a file set pointer to memory no folio preserves is followed (luo_file_deserialize, 5d766e26): its"
                    + " bytes are read as a file block and the session is restored; restoring the block later warns that no"
                    + " preserved folio is there"),
            Map.entry("deserialize visits more blocks than the image holds through file blocks",
                    "a file block whose next points to itself is walked, one tracking entry per visit, until"
                    + " LUO_MAX_BLOCKS (luo_file_deserialize, 5d766e26, walks the whole chain before it reads any count),"
                    + " then ENOSPC"),
            Map.entry("file block reused: open Ok, model Err(EIO)",
                    "two sessions' file sets point to the same file chain and both sessions are restored with the same"
                    + " files (luo_file_deserialize, 5d766e26); the second restore of the shared block warns"),
            Map.entry("file pointer: open Ok, model Err(EIO)",
                    "a file set pointer into the middle of a file block is accepted and the bytes there read as a block"
                    + " header (luo_file_deserialize, 5d766e26); restoring it later warns that no preserved folio starts"
                    + " there"),
            Map.entry("file token duplicate: open Ok, model Err(EIO)",
                    "two files of one session carry the same token (a truncated page zeroed the second);"
                    + " luo_file_deserialize (5d766e26) keeps both in list order and a retrieve of that token only ever"
                    + " returns the first"),
            Map.entry("file set count: open Ok, model Err(EIO)",
                    "a file set's count (0, pointer kept) is never compared with the entries in its chain"
                    + " (luo_file_deserialize, 5d766e26, takes file_set->count from file_set_ser->count); the files are"
                    + " restored anyway, and with a count of 0 finish would never finish them (v4 of the series made a"
                    + " mismatch a hard failure)"));

    private FindingExplanations() {
    }

    static String line(String key) {
        return LINES.getOrDefault(key, "NOT YET EXPLAINED: read the shrunk case and add a line to FindingExplanations");
    }

    /** v7 as applied (torvalds/linux 637315cb kernel/liveupdate/kho_block.c, luo_session.c; v7 10/13 for files). */
    private static final Map<String, String> V7_LINES = Map.ofEntries(
            Map.entry("setup reads outside RAM through session blocks",
                    "v7: luo_ser.sessions_pa beyond RAM is dereferenced by the cycle pre-pass of kho_block_set_restore"
                    + " (kho_block_set_is_cyclic follows next with phys_to_virt, unchecked) at early boot: an oops"),
            Map.entry("setup reads memory that was not preserved through session blocks",
                    "v7: sessions_pa names a page no KHO folio preserves; the cycle pre-pass and the count check read it as a"
                    + " block header before anything compares it with what KHO handed over"),
            Map.entry("chain pointer: setup Err(ENOSPC), model Err(EINVAL)",
                    "v7: the session chain has exactly KHO_MAX_BLOCKS blocks and the last one's next points inside the first"
                    + " session block, at a file set whose {files, count} reads as {next = the file block, count = 2}; the"
                    + " cycle pre-pass and the count check of kho_block_set_restore pass it, and kho_block_add refuses it for"
                    + " the limit: ENOSPC (too many blocks) where the pointer is the fault"),
            Map.entry("chain pointer: setup Ok, model Err(EINVAL)",
                    "v7: sessions_pa points inside the session block, at the first entry's file set, whose {files, count} reads"
                    + " as {next = the file block, count = 1}: accepted, and the file block is then taken for a second session"
                    + " block; the next kernel restores two garbage sessions"),
            Map.entry("rejected handover keeps its session blocks",
                    "v7: a session block whose next points to itself is refused by the cycle pre-pass (EINVAL), but"
                    + " kho_block_set_restore returns at once, without the cleanup walk it runs for a bad count: the block is"
                    + " never restored (the boot panics next)"),
            Map.entry("rejected handover leaves sessions half-restored",
                    "v7: a file chain refused at the first open (here one block longer than KHO_MAX_BLOCKS: ENOSPC) leaves the"
                    + " sessions inserted before it in the incoming list, as luo_session_deserialize's comment says it does;"
                    + " open returns EIO but the session stays"),
            Map.entry("name unterminated: open Ok, model Err(EIO)",
                    "v7: a session name with no NUL in its 64 bytes is accepted and cut to 63 bytes by strscpy"
                    + " (luo_session_alloc), as in v1"),
            Map.entry("name empty: open Ok, model Err(EIO)",
                    "v7: a session with an empty name is restored; only the outgoing create checks the length"),
            Map.entry("deserialize reads outside RAM through file blocks",
                    "v7: a file set pointer beyond RAM is followed by the file chain's kho_block_set_restore at the first"
                    + " open: an oops"),
            Map.entry("deserialize reads memory that was not preserved through file blocks",
                    "v7: a file set pointer to a page no folio preserves is read as a file block header by the file chain's"
                    + " restore (its count there is 0, so the open fails, after the read)"),
            Map.entry("file block reused: open Ok, model Err(EIO)",
                    "v7: two sessions' file sets name the same file chain; each file set restores its chain alone, so both"
                    + " sessions are restored with the same files"),
            Map.entry("file set count: open Ok, model Err(EIO)",
                    "v7: a file set whose files pointer is 0 but whose count is not: luo_file_deserialize only WARNs and"
                    + " restores the session without its files (v7 10/13 compares the count only when there is a chain)"),
            Map.entry("file token duplicate: open Ok, model Err(EIO)",
                    "v7: two files of one session with the same token are both kept (luo_file_deserialize_one); retrieve by"
                    + " token returns the first"));

    /** The explanation for a key found on an image of this version. */
    static String line(String key, kverify.model.luo.image.ImageVersion version) {
        return version == kverify.model.luo.image.ImageVersion.V7
                ? V7_LINES.getOrDefault(key, "NOT YET EXPLAINED: read the shrunk case and add a line to FindingExplanations")
                : line(key);
    }
}
