package kverify.impl.luo;

import kverify.model.luo.FileCalls;
import kverify.model.luo.FileCalls.HandlerCall;

/**
 * The test handlers' record of their callbacks for one file: what a handler module would count
 * if it counted (the suite's handlers do, so the state can say which callbacks ran for which
 * file). One log per file identity: a file user space made, or an incoming entry and the file its
 * retrieve makes.
 */
final class CallLog {
    private FileCalls calls;

    CallLog(String ref) {
        this.calls = FileCalls.none(ref);
    }

    void add(HandlerCall call) {
        calls = calls.plus(call);
    }

    FileCalls calls() {
        return calls;
    }
}
