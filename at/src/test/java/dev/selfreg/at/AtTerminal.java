package dev.selfreg.at;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A host on the other end of an {@link AtEngine}: types bytes, reads what came back. */
final class AtTerminal<C> {

    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final AtEngine<C> engine;

    AtTerminal(AtCommandSet<C> commands, C context) {
        engine = new AtEngine<>(commands, context, received::writeBytes);
    }

    /** Sends {@code text} as bytes and returns everything the engine wrote in answer. */
    String type(String text) {
        received.reset();
        engine.receive(text.getBytes(StandardCharsets.UTF_8));
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Sends one command line with echo off and returns the answer. */
    String command(String line) {
        if (engine.echo()) {
            type("ATE0\r");
        }
        return type(line + "\r");
    }
}
