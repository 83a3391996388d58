package kverify.engine;

/** One optional element of {@link Gen#lists}: present, or the end of the list. */
record ListEntry<T>(boolean present, T value) {
    static <T> ListEntry<T> of(T value) {
        return new ListEntry<>(true, value);
    }

    static <T> ListEntry<T> none() {
        return new ListEntry<>(false, null);
    }
}
