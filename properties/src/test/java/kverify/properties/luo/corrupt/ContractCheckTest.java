package kverify.properties.luo.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.SessionImage;
import org.junit.jupiter.api.Test;

class ContractCheckTest {

    /**
     * The in-place comparison says what equality with the expected list said (each handed-over
     * session, not retrieved, its files in order, none retrieved), on random near-misses: a
     * session or file more or less, another name, file or order, a retrieved flag.
     */
    @Test
    void restoredAsHandedOverIsEqualityWithTheUnretrievedHandover() {
        SplittableRandom r = new SplittableRandom(7);
        int equal = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            List<SessionImage> handover = new ArrayList<>();
            for (int i = r.nextInt(0, 5); i > 0; i--) {
                List<FileImage> files = new ArrayList<>();
                for (int j = r.nextInt(0, 3); j > 0; j--) {
                    files.add(new FileImage(r.nextInt(0, 3), HandlerKind.TEST_A, r.nextInt(0, 2)));
                }
                handover.add(new SessionImage("s" + r.nextInt(0, 3), files));
            }
            List<IncomingSession> restored = new ArrayList<>(unretrieved(handover));
            switch (r.nextInt(0, 6)) {
                case 0 -> { } // as handed over
                case 1 -> restored.add(new IncomingSession("s0", false, List.of()));
                case 2 -> {
                    if (!restored.isEmpty()) {
                        restored.remove(r.nextInt(restored.size()));
                    }
                }
                case 3 -> {
                    if (!restored.isEmpty()) {
                        int i = r.nextInt(restored.size());
                        IncomingSession s = restored.get(i);
                        restored.set(i, new IncomingSession(s.name(), true, s.files()));
                    }
                }
                case 4 -> {
                    if (!restored.isEmpty()) {
                        int i = r.nextInt(restored.size());
                        IncomingSession s = restored.get(i);
                        List<IncomingFile> files = new ArrayList<>(s.files());
                        if (files.isEmpty()) {
                            files.add(new IncomingFile(new FileImage(0, HandlerKind.TEST_A, 0), false));
                        } else {
                            IncomingFile f = files.get(0);
                            files.set(0, new IncomingFile(f.file(), r.nextBoolean() || !f.retrieved()));
                        }
                        restored.set(i, new IncomingSession(s.name(), s.retrieved(), files));
                    }
                }
                default -> java.util.Collections.shuffle(restored, new java.util.Random(r.nextLong()));
            }
            boolean expected = restored.equals(unretrieved(handover));
            equal += expected ? 1 : 0;
            assertThat(ContractCheck.restoredAsHandedOver(restored, handover)).as("%s vs %s", restored, handover).isEqualTo(expected);
        }
        assertThat(equal).as("both answers occur").isBetween(200, 1_800);
    }

    private static List<IncomingSession> unretrieved(List<SessionImage> handover) {
        List<IncomingSession> out = new ArrayList<>();
        for (SessionImage s : handover) {
            out.add(new IncomingSession(s.name(), false, s.files().stream().map(f -> new IncomingFile(f, false)).toList()));
        }
        return out;
    }
}
