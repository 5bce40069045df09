package dev.selfreg.lab;

import dev.selfreg.module.Power;
import dev.selfreg.module.emulator.Bc260yModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One emulated module in the lab with a host on its UART: commands go in as bytes, the answer
 * comes back as lines, exactly what a host would read.
 */
public final class EmulatedUnit {

    /** What wakes a sleeping module: a byte its UART loses. */
    private static final byte[] WAKE = {'\r'};

    private final String name;
    private final Bc260yModule module;
    private final ByteArrayOutputStream uart = new ByteArrayOutputStream();

    EmulatedUnit(String name, Bc260yModule module) {
        this.name = name;
        this.module = module;
        module.connectHost(bytes -> {
            synchronized (uart) {
                uart.writeBytes(bytes);
            }
        });
    }

    public String name() {
        return name;
    }

    public Bc260yModule module() {
        return module;
    }

    /**
     * Sends {@code line<CR>} and returns the answer (the module answers before this returns). Like
     * a host driver, it first wakes a module in deep sleep with one byte, which the module's UART
     * loses (docs/power-saving.md).
     */
    public AtReply at(String line) {
        if (module.power() == Power.DEEP_SLEEP) {
            module.receiveFromHost(WAKE, 0, WAKE.length);
        }
        drain();
        byte[] bytes = (line + "\r").getBytes(StandardCharsets.UTF_8);
        module.receiveFromHost(bytes, 0, bytes.length);
        String text = drain();
        String echo = line + "\r";
        int echoed = text.indexOf(echo);
        if (echoed >= 0) {
            text = text.substring(0, echoed) + text.substring(echoed + echo.length());
        }
        List<String> lines = new ArrayList<>();
        for (String part : text.split("\r\n")) {
            if (!part.isEmpty()) {
                lines.add(part);
            }
        }
        return new AtReply(lines);
    }

    /** What the module sent since the last read (unsolicited lines such as RDY), as lines. */
    public List<String> unsolicited() {
        List<String> lines = new ArrayList<>();
        for (String part : drain().split("\r\n")) {
            if (!part.isEmpty()) {
                lines.add(part);
            }
        }
        return lines;
    }

    private String drain() {
        synchronized (uart) {
            String text = uart.toString(StandardCharsets.UTF_8);
            uart.reset();
            return text;
        }
    }
}
