/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task metrics registered with the platform MBean server directly, for workers without plugin metrics (before Kafka
 * 4.1): one MBean per task under the name Kafka 4.1+ gives a task's plugin metrics,
 * {@code kafka.connect:type=plugins,connector=<name>,task=<n>}, with one read-only {@code Long} attribute per metric,
 * so a JMX dashboard reads the same names on every worker version. Unlike plugin metrics, they do not reach the
 * worker's other metrics reporters.
 */
final class JmxMetricsRegistry implements TaskMetrics.Registry, DynamicMBean {

  private static final Logger LOG = LoggerFactory.getLogger(JmxMetricsRegistry.class);
  /** Tag values Kafka's JmxReporter leaves unquoted; others are quoted, as it does. */
  private static final Pattern PLAIN = Pattern.compile("[-.\\w]*");
  /** Which registry owns a name, so a task that closes late does not remove its successor's MBean. */
  private static final ConcurrentMap<ObjectName, JmxMetricsRegistry> OWNERS = new ConcurrentHashMap<>();

  private final MBeanServer server;
  private final ObjectName name;
  private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();
  private boolean registered;

  private record Metric(String description, LongSupplier value) {}

  JmxMetricsRegistry(String connector, String task) {
    this.server = ManagementFactory.getPlatformMBeanServer();
    this.name = objectName(connector, task);
  }

  /**
   * The MBean name of a task's metrics.
   *
   * @param connector the connector name
   * @param task the task number
   * @return {@code kafka.connect:type=plugins,connector=<name>,task=<n>}
   */
  static ObjectName objectName(String connector, String task) {
    try {
      return new ObjectName("kafka.connect:type=plugins,connector=" + tagValue(connector) + ",task="
          + tagValue(task));
    } catch (JMException e) {
      throw new IllegalArgumentException("no JMX name for connector " + connector + " task " + task, e);
    }
  }

  private static String tagValue(String value) {
    return PLAIN.matcher(value).matches() ? value : ObjectName.quote(value);
  }

  ObjectName name() {
    return name;
  }

  @Override
  public synchronized void add(String metric, String description, LongSupplier value) {
    if (metrics.put(metric, new Metric(description, value)) == null) {
      order.add(metric);
    }
    if (!registered) {
      register();
    }
  }

  private void register() {
    try {
      try {
        server.registerMBean(this, name);
      } catch (InstanceAlreadyExistsException e) {
        // A task of the same id that has not closed yet (a restart): the new one's metrics win.
        server.unregisterMBean(name);
        server.registerMBean(this, name);
      }
      OWNERS.put(name, this);
      registered = true;
    } catch (JMException | RuntimeException e) {
      LOG.warn("Courier's task metrics could not be registered with JMX as {}: {}", name, e.toString());
      registered = true;
    }
  }

  @Override
  public synchronized void close() {
    if (OWNERS.remove(name, this)) {
      try {
        server.unregisterMBean(name);
      } catch (InstanceNotFoundException e) {
        // already gone
      } catch (JMException | RuntimeException e) {
        LOG.debug("Could not unregister {}", name, e);
      }
    }
    metrics.clear();
    order.clear();
    registered = false;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    Metric metric = metrics.get(attribute);
    if (metric == null) {
      throw new AttributeNotFoundException(attribute + " is not a metric of " + name);
    }
    return metric.value().getAsLong();
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    AttributeList list = new AttributeList();
    for (String attribute : attributes) {
      Metric metric = metrics.get(attribute);
      if (metric != null) {
        list.add(new Attribute(attribute, metric.value().getAsLong()));
      }
    }
    return list;
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException(attribute.getName() + " of " + name + " is read-only");
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String action, Object[] params, String[] signature) {
    throw new UnsupportedOperationException(name + " has no operations");
  }

  @Override
  public synchronized MBeanInfo getMBeanInfo() {
    MBeanAttributeInfo[] attributes = order.stream()
        .map(metric -> new MBeanAttributeInfo(metric, Long.class.getName(), metrics.get(metric).description(), true,
            false, false))
        .toArray(MBeanAttributeInfo[]::new);
    return new MBeanInfo(getClass().getName(), "Courier task metrics", attributes, null, null, null);
  }
}
