package kverify.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code ./kverify campaign [--tries N] [--seed S] [--power-seeds K] [--jobs J] [--shard K/N]},
 * {@code ./kverify merge DIR...}, {@code ./kverify replay FILE},
 * and the subsystem tools. Bad input is one located message on stderr and exit code 2, never a
 * stack trace.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: kverify <command> [options]",
            "  campaign [--tries N] [--seed S] [--only SUBSTRING]... [--power-seeds K] [--jobs J]",
            "                                                       run every property on every variant; defects first; reports,",
            "                                                       findings.json and review under target/kverify-campaign/; with K,",
            "                                                       each catalog entry's detection rate over the first K blind seeds;",
            "                                                       on J worker threads (default: the number of processors), the",
            "                                                       same outputs whatever J is",
            "  campaign ... --shard K/N [--shard-out DIR]           run only the K-th of N slices; its raw results go to DIR/shard.json",
            "                                                       (default target/kverify-shard-K-of-N)",
            "  merge DIR...                                         combine the N shard directories into the outputs of the unsharded",
            "                                                       campaign (same text, same files, same exit code)",
            "  replay FILE                                          replay a trace (or image) on the model and every variant; exit 0",
            "                                                       if it behaves as the file expects, 1 if not, 2 on bad input",
            "  property NAME [--replay CHOICES|FILE] [--tries N] [--seed S]   run one property by name",
            "  review [--out DIR]                                   per posted patch, a plain-text review reply (default target/kverify-review)",
            "  defects [--check-hunks SEEDS-DIR | --update-docs]    the defect catalog; check its quoted hunks against the seeds;",
            "                                                       rewrite the defect lists of README.md and docs/*.md from it",
            "  list                                                 list the registered properties",
            "exit codes: 0 ok, 1 a must-pass property failed or a replay is not as its file expects, 2 bad input,",
            "            3 out of memory (one message; raise -Xmx or shrink the trace or budget)");

    private Main() {
    }

    /** The exit code when the heap runs out: one message, no stack trace. */
    static final int OUT_OF_MEMORY = 3;

    public static void main(String[] args) {
        int rc;
        try {
            rc = run(args, System.out, System.err);
        } catch (OutOfMemoryError e) {
            System.out.flush();
            System.err.println("kverify: out of memory (max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): the run needs a larger -Xmx (the ./kverify script sets 6g) or a smaller trace or budget");
            rc = OUT_OF_MEMORY;
        }
        System.exit(rc);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "campaign" -> Campaign.main(CampaignOptions.parse(rest), out, err);
                case "merge" -> Merge.run(rest, out);
                case "replay" -> Replay.run(rest, out);
                case "property" -> PropertyCommand.run(rest, out);
                case "defects" -> DefectsCommand.run(rest, out);
                case "review" -> Review.run(rest, out);
                case "list" -> listProperties(out);
                case "-h", "--help", "help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageError("unknown command '" + args[0] + "'\n" + USAGE);
            };
        } catch (UsageError e) {
            err.println("kverify: " + e.getMessage());
            return 2;
        }
    }

    private static int listProperties(PrintStream out) {
        for (CampaignEntry e : Catalog.all()) {
            out.printf("%-55s %-10s %-22s %s%n", e.property().name(), e.subsystem(), e.variant(),
                    e.mustPass() ? "must pass" : "findings expected");
        }
        return 0;
    }
}
