package dev.selfreg.lab;

import dev.selfreg.host.UnsolicitedLines;
import dev.selfreg.module.Power;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.nvram.NvramImage;
import dev.selfreg.nvram.NvramStore;
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
    private final NvramStore nvram;
    private final HostInput uart = new HostInput();

    EmulatedUnit(String name, Bc260yModule module, NvramStore nvram) {
        this.name = name;
        this.module = module;
        this.nvram = nvram;
        module.connectHost(uart::received);
    }

    public String name() {
        return name;
    }

    /**
     * Erases the module's NVRAM, as a faulty product whose host wipes it (or whose flash keeps nothing) does: every
     * setting reads its default again, and the record of the last China Telecom registration is gone.
     */
    public void eraseNvram() {
        nvram.write(NvramImage.empty());
    }

    public Bc260yModule module() {
        return module;
    }

    /**
     * Sends {@code line<CR>} and returns the answer (the module answers before this returns), the unsolicited lines
     * that came meanwhile apart from it. What the module sent before the line is dropped. Like a host driver, it
     * first wakes a module in deep sleep with one byte, which the module's UART loses (docs/power-saving.md); what
     * the module prints on waking is among the unsolicited lines.
     */
    public AtReply at(String line) {
        drain();
        if (module.power() == Power.DEEP_SLEEP) {
            module.receiveFromHost(WAKE, 0, WAKE.length);
        }
        byte[] bytes = (line + "\r").getBytes(StandardCharsets.UTF_8);
        module.receiveFromHost(bytes, 0, bytes.length);
        String text = drain();
        String echo = line + "\r";
        int echoed = text.indexOf(echo);
        if (echoed >= 0) {
            text = text.substring(0, echoed) + text.substring(echoed + echo.length());
        }
        List<String> answer = new ArrayList<>();
        List<String> unsolicited = new ArrayList<>();
        UnsolicitedLines.Sequence lines = new UnsolicitedLines.Sequence();
        for (String part : text.split("\r\n")) {
            if (!part.isEmpty()) {
                (lines.isUnsolicited(part) ? unsolicited : answer).add(part);
            }
        }
        return new AtReply(answer, unsolicited);
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
        return uart.drain();
    }
}
