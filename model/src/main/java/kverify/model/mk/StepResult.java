package kverify.model.mk;

import java.util.List;

/** What one operation produced: one call per task (two for a concurrent op) and the hardware events. */
public record StepResult(List<Call> calls, List<MkEvent> events) {
    public StepResult {
        calls = List.copyOf(calls);
        events = List.copyOf(events);
    }

    public static StepResult of(Call call, List<MkEvent> events) {
        return new StepResult(List.of(call), events);
    }

    public Call call() {
        return calls.get(0);
    }

    @Override
    public String toString() {
        String c = calls.size() == 1 ? calls.get(0).toString() : calls.toString();
        return events.isEmpty() ? c : c + " " + events;
    }
}
