package kverify.impl.luo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.HandlerState;

/**
 * The file-handler side of one kernel (luo_file.c at 5d766e26): the registered handlers
 * ({@code luo_file_handler_list}), each test handler's module and its reference count
 * (try_module_get when a file is preserved or deserialized, module_put at unpreserve or finish),
 * the files LUO holds ({@code luo_preserved_files}, keyed by file identity: xa_insert is EBUSY for
 * a file already there) and the WARNs the LUO code hits. Loading a module registers its handler
 * (EEXIST if loaded: init_module's answer); delete_module is ENOENT for a module not loaded and
 * EWOULDBLOCK (EAGAIN) while it is referenced (try_stop_module, torvalds/linux
 * c550f0055c5ddcbe9a909becb774c37c54c217be kernel/module/main.c). Every kernel boots with both
 * test handlers loaded.
 */
final class Handlers {
    private final Map<HandlerKind, Boolean> loaded = new EnumMap<>(HandlerKind.class);
    private final Map<HandlerKind, Integer> refs = new EnumMap<>(HandlerKind.class);
    private final TreeMap<Long, UserFile> preserved = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<CallLog> logs = new ArrayList<>();
    private long nextFileId = 1;

    Handlers() {
        for (HandlerKind k : HandlerKind.values()) {
            loaded.put(k, true);
            refs.put(k, 0);
        }
    }

    boolean registered(HandlerKind k) {
        return loaded.get(k);
    }

    /** The registered handler whose can_preserve accepts the file, if any. */
    Optional<HandlerKind> canPreserve(Object file) {
        return file instanceof UserFile f ? f.handler.filter(this::registered) : Optional.empty();
    }

    /** The registered handler with this compatible string (strcmp), if any. */
    Optional<HandlerKind> byCompatible(String compatible) {
        return HandlerKind.ofCompatible(compatible).filter(this::registered);
    }

    /** try_module_get: fails only for a module being unloaded, which a loaded handler is not. */
    void get(HandlerKind k) {
        refs.merge(k, 1, Integer::sum);
    }

    void put(HandlerKind k) {
        refs.merge(k, -1, Integer::sum);
    }

    Outcome<Unit> load(HandlerKind k) {
        if (loaded.get(k)) {
            return Outcome.err(Errno.EEXIST);
        }
        loaded.put(k, true);
        return Outcome.ok();
    }

    Outcome<Unit> unload(HandlerKind k) {
        if (!loaded.get(k)) {
            return Outcome.err(Errno.ENOENT);
        }
        if (refs.get(k) != 0) {
            return Outcome.err(Errno.EAGAIN);
        }
        loaded.put(k, false);
        return Outcome.ok();
    }

    /** xa_insert(&luo_preserved_files, id, file): EBUSY if the id is taken. */
    Optional<Errno> xaInsert(UserFile f) {
        if (preserved.containsKey(f.id)) {
            return Optional.of(Errno.EBUSY);
        }
        preserved.put(f.id, f);
        return Optional.empty();
    }

    void xaErase(UserFile f) {
        preserved.remove(f.id);
    }

    /**
     * A new file identity with its call log: a file user space makes ({@code file#N}) or an
     * incoming entry. The logs are kept in the order they were made, as the state lists them.
     */
    UserFile newFile(String ref, Optional<HandlerKind> handler, long data, Optional<Errno> preserveFails) {
        return new UserFile(nextFileId++, handler, data, preserveFails, newLog(ref));
    }

    CallLog newLog(String ref) {
        CallLog log = new CallLog(ref);
        logs.add(log);
        return log;
    }

    /** A struct file the handler's retrieve makes for an incoming entry: a new identity, the entry's log. */
    UserFile retrievedFile(LuoFile f) {
        return new UserFile(nextFileId++, Optional.of(f.kind), f.data, Optional.empty(), f.log);
    }

    /** The calls of the file whose log was made last (LuoStepView). */
    Optional<kverify.model.luo.FileCalls> lastCalls() {
        return logs.isEmpty() ? Optional.empty() : Optional.of(logs.get(logs.size() - 1).calls());
    }

        List<kverify.model.luo.FileCalls> calls() {
        return logs.stream().map(CallLog::calls).filter(c -> !c.isEmpty()).toList();
    }

    /** A WARN or WARN_ON the LUO code hits; invariants require none. */
    void warn(String what) {
        warnings.add(what);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<HandlerState> states() {
        List<HandlerState> out = new ArrayList<>();
        for (HandlerKind k : HandlerKind.values()) {
            out.add(new HandlerState(k, loaded.get(k), refs.get(k)));
        }
        return out;
    }
}
