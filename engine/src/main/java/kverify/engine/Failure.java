package kverify.engine;

/**
 * One distinct failure of a property: the case as first found, its shrunk form, and where it
 * came from ("try 17", or the regression file that still fails).
 */
public record Failure(String key, String origin, int foundAtTry, TestCase original, TestCase shrunk,
        int shrinkEvaluations, int occurrences) {

    public ChoiceSequence shrunkChoices() {
        return shrunk.choices();
    }

    public java.util.List<String> shrunkRendering() {
        return shrunk.rendering();
    }

    public Throwable shrunkError() {
        return shrunk.failure();
    }

    Failure withOccurrences(int n) {
        return new Failure(key, origin, foundAtTry, original, shrunk, shrinkEvaluations, n);
    }
}
