package dev.selfreg.lab.scenario;

import dev.selfreg.lab.Lab;

/** One step of a scenario: something done to the emulated world, or something checked in it. */
interface Step {

    /** How the step reads in a report, e.g. {@code at AT+QDMPCFG=6 -> +QDMPCFG: 6,6}. */
    String describe();

    /**
     * Runs the step.
     *
     * @throws AssertionError when what it checks does not hold; the message says what was found
     */
    void run(Lab lab);
}
