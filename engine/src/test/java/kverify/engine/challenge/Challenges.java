package kverify.engine.challenge;

import java.util.List;

/**
 * The problems of the public shrinking challenge, in the order of the issue, plus variants:
 * bound5 with lists of at most one element, as the Hypothesis benchmark writes it, and the
 * faithful encodings of nestedlists, calculator and binheap (as the originals generate them);
 * then parser and replacement from the ECOOP 2020 benchmarks.
 */
final class Challenges {
    private Challenges() {
    }

    static List<Challenge> all() {
        return List.of(
                ListChallenges.reverse(),
                ListChallenges.lengthList(),
                ListChallenges.nestedLists(),
                ListChallenges.nestedListsFaithful(),
                NumberChallenges.bound5(),
                NumberChallenges.bound5AtMostOne(),
                ListChallenges.largeUnionList(),
                ListChallenges.distinct(),
                TreeChallenges.calculator(),
                FaithfulTrees.calculator(),
                ListChallenges.coupling(),
                ListChallenges.deletion(),
                NumberChallenges.differenceMustNotBeZero(),
                NumberChallenges.differenceMustNotBeSmall(),
                NumberChallenges.differenceMustNotBeOne(),
                TreeChallenges.binheap(),
                FaithfulTrees.binheap(),
                ParserChallenge.parser(),
                NumberChallenges.replacement());
    }

    static Challenge named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no challenge " + name));
    }
}
