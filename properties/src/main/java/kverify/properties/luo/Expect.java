package kverify.properties.luo;

import java.util.Optional;
import java.util.OptionalLong;
import kverify.model.Errno;
import kverify.model.luo.FileImage;
import kverify.model.Outcome;
import kverify.model.luo.IoctlResult;

/**
 * What a trace step expects ({@code => ok}, {@code => ok data=0x..}, {@code => ERRNO}): success,
 * success returning a file whose data word is given, or that error.
 */
public record Expect(Optional<Errno> errno, OptionalLong data) {
    public static final Expect OK = new Expect(Optional.empty(), OptionalLong.empty());

    public boolean matches(Outcome<?> o) {
        if (errno.isPresent()) {
            return o.equals(Outcome.err(errno.get()));
        }
        if (!o.isOk()) {
            return false;
        }
        if (data.isEmpty()) {
            return true;
        }
        Object v = o.value();
        Optional<FileImage> file = v instanceof IoctlResult r ? r.file() : v instanceof FileImage f ? Optional.of(f) : Optional.empty();
        return file.isPresent() && file.get().data() == data.getAsLong();
    }

    @Override
    public String toString() {
        return errno.map(Errno::name).orElse("ok" + (data.isPresent() ? " data=0x" + Long.toHexString(data.getAsLong()) : ""));
    }
}
