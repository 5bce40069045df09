/** Link layer, IP and transport: a captured frame's UDP datagram or TCP segment, and raw IPv4 packets built for writing. */
package dev.selfreg.capture.net;
