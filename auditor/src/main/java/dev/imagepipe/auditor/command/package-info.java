/**
 * The auditor's commands as plain classes: {@link dev.imagepipe.auditor.command.ReplayCommand} ({@code imagepipe audit
 * replay}) and {@link dev.imagepipe.auditor.command.AtCommand} ({@code imagepipe audit at}). Each has a {@code run}
 * method taking parsed options and writers and returning the exit status; the {@code cli} module wires them to flags.
 */
package dev.imagepipe.auditor.command;
