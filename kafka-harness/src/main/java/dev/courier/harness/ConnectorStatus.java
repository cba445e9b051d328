/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.util.List;

/**
 * A connector's status as the Connect REST API reports it ({@code GET /connectors/{name}/status}).
 *
 * @param name the connector name
 * @param state the connector's state: {@code UNASSIGNED}, {@code RUNNING}, {@code PAUSED}, {@code STOPPED},
 *     {@code FAILED} or {@code RESTARTING}
 * @param workerId the worker that runs the connector
 * @param trace the connector's failure trace, or null when it has not failed
 * @param tasks the tasks' states, ordered by task id
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

  /**
   * Copies the task list.
   */
  public ConnectorStatus {
    tasks = List.copyOf(tasks);
  }

  /**
   * One task's status.
   *
   * @param id the task id
   * @param state the task's state, as for the connector
   * @param workerId the worker that runs the task
   * @param trace the task's failure trace, or null when it has not failed
   */
  public record TaskStatus(int id, String state, String workerId, String trace) {
  }

  /**
   * Whether the connector and exactly {@code taskCount} tasks are {@code RUNNING}.
   *
   * @param taskCount the expected number of tasks
   * @return true when all of them run
   */
  public boolean isRunning(int taskCount) {
    return "RUNNING".equals(state) && tasks.size() == taskCount
        && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
  }

  /**
   * Whether the connector or one of its tasks is {@code FAILED}.
   *
   * @return true on a failure
   */
  public boolean hasFailed() {
    return "FAILED".equals(state) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
  }

  /**
   * A readable multi-line summary with the failure traces, for assertion messages.
   *
   * @return the summary
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("connector ").append(name).append(": ").append(state);
    if (trace != null) {
      sb.append("\n  trace: ").append(trace);
    }
    for (TaskStatus task : tasks) {
      sb.append("\n  task ").append(task.id()).append(": ").append(task.state());
      if (task.trace() != null) {
        sb.append("\n    trace: ").append(task.trace());
      }
    }
    return sb.toString();
  }
}
