/**
 * Reading and writing requests and ratings as JSON lines, CSV or Arrow IPC, one row at a
 * time, with one strict JSON configuration shared by the CLI and the service.
 */
package org.greencredit.datasets.io;
