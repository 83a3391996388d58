package kverify.engine.challenge;

import java.util.List;

/**
 * The problems of the public shrinking challenge, in the order of the issue, plus one variant:
 * bound5 with lists of at most one element, as the Hypothesis benchmark writes it.
 */
final class Challenges {
    private Challenges() {
    }

    static List<Challenge> all() {
        return List.of(
                ListChallenges.reverse(),
                ListChallenges.lengthList(),
                ListChallenges.nestedLists(),
                NumberChallenges.bound5(),
                NumberChallenges.bound5AtMostOne(),
                ListChallenges.largeUnionList(),
                ListChallenges.distinct(),
                TreeChallenges.calculator(),
                ListChallenges.coupling(),
                ListChallenges.deletion(),
                NumberChallenges.differenceMustNotBeZero(),
                NumberChallenges.differenceMustNotBeSmall(),
                NumberChallenges.differenceMustNotBeOne(),
                TreeChallenges.binheap());
    }
}
