package dev.selfreg.module.dm;

import dev.selfreg.module.ModuleProfile;
import org.junit.jupiter.api.AfterEach;

/**
 * What the CMDMP end-to-end tests share: a unit on a {@link DmBench} and the peer it talks to,
 * a stock Leshan server or a scripted Californium platform, closed after each test.
 */
abstract class DmPeerTest {

    protected LeshanDmServer leshan;
    protected ScriptedDmPlatform scripted;
    protected DmBench bench;

    @AfterEach
    void closePeers() {
        if (bench != null) {
            bench.close();
        }
        if (leshan != null) {
            leshan.close();
        }
        if (scripted != null) {
            scripted.close();
        }
    }

    protected DmBench withLeshan() {
        leshan = new LeshanDmServer();
        bench = new DmBench(leshan.port());
        return bench;
    }

    protected DmBench withLeshan(ModuleProfile profile) {
        leshan = new LeshanDmServer();
        bench = new DmBench(leshan.port(), profile);
        return bench;
    }

    protected DmBench withScriptedPlatform() {
        scripted = new ScriptedDmPlatform();
        bench = new DmBench(scripted.port());
        return bench;
    }
}
