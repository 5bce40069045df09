/**
 * The lab platform's China Mobile CMDMP service (DM 2.0 profile of LwM2M 1.0, cmcc-dm-wire.md) on Eclipse Leshan:
 * {@link dev.selfreg.platform.dm.DmService} serves it, {@link dev.selfreg.platform.dm.DmApplications} holds the
 * application table ({@code --dm-app APPKEY=PASSWORD}). The rest extends Leshan through its own extension points.
 */
package dev.selfreg.platform.dm;
