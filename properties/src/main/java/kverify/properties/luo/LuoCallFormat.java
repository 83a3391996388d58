package kverify.properties.luo;

import java.util.HexFormat;
import kverify.model.luo.ArgShape;
import kverify.model.luo.LuoCall;

/** The text of one trace format v2 operation (the grammar is in docs/luo.md, "Trace format v2"). */
final class LuoCallFormat {
    private static final HexFormat HEX = HexFormat.of();

    private LuoCallFormat() {
    }

    static String line(LuoCall op) {
        if (op instanceof LuoCall.Open o) {
            return "open-device -> " + o.bind();
        } else if (op instanceof LuoCall.Close o) {
            return "close " + o.handle();
        } else if (op instanceof LuoCall.NewFile o) {
            return "new-file kind=" + o.spec().handler().map(k -> k.traceName()).orElse("none") + " data=" + LuoTraceFormat.hex(o.spec().data())
                    + o.spec().preserveFails().map(e -> " preserve-fails=" + e.name()).orElse("") + " -> " + o.bind();
        } else if (op instanceof LuoCall.SessionCall o) {
            return (o.create() ? "create-session " : "retrieve-session ") + o.device() + " " + quote(o.name()) + shape(o.shape())
                    + " -> " + o.bind();
        } else if (op instanceof LuoCall.PreserveFd o) {
            return "preserve-fd " + o.session() + " " + o.file().handle().orElse("fd=" + o.file().raw())
                    + " token=" + LuoTraceFormat.hex(o.token()) + shape(o.shape());
        } else if (op instanceof LuoCall.RetrieveFd o) {
            return "retrieve-fd " + o.session() + " token=" + LuoTraceFormat.hex(o.token()) + shape(o.shape())
                    + (o.bind() == null ? "" : " -> " + o.bind());
        } else if (op instanceof LuoCall.Finish o) {
            return "finish " + o.session() + (o.reserved() == 0 ? "" : " reserved=" + LuoTraceFormat.hex(o.reserved())) + shape(o.shape());
        } else if (op instanceof LuoCall.RawIoctl o) {
            return "ioctl " + o.handle() + " cmd=" + LuoTraceFormat.hex(o.cmd()) + " bytes=" + HEX.formatHex(o.bytes())
                    + (o.readOnly() ? " ro" : "");
        } else if (op instanceof LuoCall.LoadModule o) {
            return "load-module " + o.kind().traceName();
        } else if (op instanceof LuoCall.UnloadModule o) {
            return "unload-module " + o.kind().traceName();
        }
        LuoCall.Repeat r = (LuoCall.Repeat) op;
        return "repeat " + r.count() + " " + r.template();
    }

    private static String shape(ArgShape s) {
        StringBuilder sb = new StringBuilder();
        s.size().ifPresent(n -> sb.append(" size=").append(n));
        if (s.extra() != null) {
            sb.append(" extra=").append(HEX.formatHex(s.extra()));
        }
        s.mapped().ifPresent(n -> sb.append(" mapped=").append(n));
        if (s.readOnly()) {
            sb.append(" ro");
        }
        return sb.toString();
    }

    /** A name's bytes in double quotes: printable ASCII as is, \" \\ and \xHH for the rest. */
    static String quote(byte[] name) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : name) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.append('"').toString();
    }
}
