package kverify.model.luo;

import java.util.List;

/** One session as it crosses the kexec: its name and its files in preservation order. */
public record SessionImage(String name, List<FileImage> files) {
    public SessionImage {
        files = List.copyOf(files);
    }

    @Override
    public String toString() {
        return "'" + SessionNames.escape(name) + "'" + (files.isEmpty() ? "" : files.toString());
    }
}
