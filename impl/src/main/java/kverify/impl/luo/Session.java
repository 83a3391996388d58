package kverify.impl.luo;

/** struct luo_session: a session in kernel memory (not preserved memory). */
final class Session {
    final String name;
    final FileSet files;
    boolean retrieved;

    Session(String name, FileSet files) {
        this.name = name;
        this.files = files;
    }
}
