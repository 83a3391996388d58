package kverify.model.luo;

/**
 * One file handler module of the kernel running now: whether it is loaded (registered with
 * liveupdate_register_file_handler) and how many files pin it (try_module_get per preserved or
 * deserialized file, module_put at unpreserve or finish), which is what makes an unload fail.
 */
public record HandlerState(HandlerKind kind, boolean loaded, int pins) {
    @Override
    public String toString() {
        return kind.traceName() + (loaded ? "" : " unloaded") + (pins == 0 ? "" : " pinned " + pins);
    }
}
