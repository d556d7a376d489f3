// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/bindings/python_failure.hpp"
#include "gxf/core/context.hpp"
#include "gxf/core/graph_include.hpp"
#include "gxf/core/logger.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

Runtime* runtime_of(Context* context) {
  Runtime* runtime = context->runtime();
  if (!runtime) {
    throw GxfException{Error(GXF_FACTORY_UNKNOWN_CLASS_NAME,
                             "'System' component not registered: load the standard extension "
                             "(gxf/std/libgxf_std.so) first")};
  }
  return runtime;
}

uint64_t context_create() { return register_context(new Context()); }

void context_destroy(uint64_t handle) {
  Context* context = context_from_handle(handle);
  unregister_context(handle);
  py::gil_scoped_release release;  // scheduler threads may need the GIL to finish
  context->shutdown();
}

void set_severity(uint64_t handle, int severity) {
  context_from_handle(handle);
  if (severity < 0 || severity > 5) throw_code(GXF_FAILURE, "severity must be 0..5");
  g_log_severity.store(severity);
}

void load_extension_library(uint64_t handle, const std::string& path) {
  throw_if_error(context_from_handle(handle)->load_extension_library(path));
}

int64_t entity_create(uint64_t handle, const std::string& name) {
  return value_or_throw(context_from_handle(handle)->create_entity(name))->eid();
}

Entity* entity_or_throw(Context* context, int64_t eid) {
  Entity* entity = context->entity(eid);
  if (!entity) throw_code(GXF_ENTITY_NOT_FOUND, "no entity with eid " + std::to_string(eid));
  return entity;
}

int64_t component_add(uint64_t handle, int64_t eid, const std::string& type_name,
                      const std::string& name, const std::string& source) {
  Context* context = context_from_handle(handle);
  Entity* entity = entity_or_throw(context, eid);
  gxf_uid_t cid = value_or_throw(context->add_component(entity, type_name, name))->cid();
  if (!source.empty()) context->set_component_source(cid, source);
  return cid;
}

void component_set_parameter(uint64_t handle, int64_t cid, const std::string& key,
                             const YamlNode& node, const std::string& prefix,
                             const std::string& directory) {
  Context* context = context_from_handle(handle);
  Component* component = component_from_cid(handle, cid);
  ParseContext parse_context{context, component->entity(), prefix, directory};
  throw_if_error(component->set_parameter(key, node, parse_context));
}

py::object component_graph_include(uint64_t handle, int64_t cid) {
  auto* include = dynamic_cast<GraphInclude*>(component_from_cid(handle, cid));
  if (!include) return py::none();
  py::dict prerequisites;
  for (const auto& entry : include->included_prerequisites()) {
    if (entry.second) prerequisites[py::str(entry.first)] = entry.second->cid();
  }
  return py::make_tuple(include->included_files(), prerequisites);
}

py::object parameter_get_yaml(uint64_t handle, int64_t cid, const std::string& key) {
  Component* component = component_from_cid(handle, cid);
  if (ParameterBase* parameter = component->find_parameter(key)) {
    if (!parameter->is_set()) throw_code(GXF_PARAMETER_NOT_INITIALIZED, "parameter '" + key + "' is not set");
    return py::str(parameter->to_yaml());
  }
  auto it = component->dynamic_parameters().find(key);
  if (it == component->dynamic_parameters().end()) {
    throw_code(GXF_PARAMETER_NOT_FOUND, "component has no parameter '" + key + "'");
  }
  return py::make_tuple(it->second.scalar, it->second.tag, it->second.quoted);
}

py::list parameter_list(uint64_t handle, const std::string& type_name) {
  Context* context = context_from_handle(handle);
  const TypeInfo* type = context->registry().find(type_name);
  if (!type) throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME, "unknown type '" + type_name + "'");
  py::list result;
  if (type->is_abstract()) return result;
  std::unique_ptr<Component> probe(type->factory());
  Registrar registrar(probe.get());
  probe->register_interface(&registrar);
  for (const ParameterBase* parameter : probe->parameters()) {
    py::dict info;
    info["key"] = parameter->key();
    info["headline"] = parameter->headline();
    info["description"] = parameter->description();
    info["type"] = parameter->type_name();
    info["flags"] = parameter->flags();
    info["range"] = parameter->range_text();
    info["is_handle"] = parameter->is_handle();
    info["handle_type"] = parameter->is_handle()
                              ? registered_type_name(context, parameter->handle_target())
                              : std::string();
    info["default"] = parameter->has_default() ? py::object(py::str(parameter->default_text()))
                                               : py::object(py::none());
    result.append(info);
  }
  return result;
}

// Runs one graph-lifecycle step without the GIL (scheduler threads may need it), then raises
// its failure; a Python exception stored by a codelet becomes the error's cause.
void run_graph_step(uint64_t handle, Result (Runtime::*step)(), bool python_failure,
                    bool even_on_success = false) {
  Context* context = context_from_handle(handle);
  Runtime* runtime = runtime_of(context);
  Result result;
  {
    py::gil_scoped_release release;
    result = (runtime->*step)();
  }
  if (python_failure) raise_python_failure(context, result, even_on_success);
  throw_if_error(result);
}

void graph_activate(uint64_t handle) { run_graph_step(handle, &Runtime::activate, false); }
void graph_run_async(uint64_t handle) { run_graph_step(handle, &Runtime::run_async, false); }
void graph_wait(uint64_t handle) { run_graph_step(handle, &Runtime::wait, true); }
void graph_interrupt(uint64_t handle) { run_graph_step(handle, &Runtime::interrupt, false); }
void graph_deactivate(uint64_t handle) {
  run_graph_step(handle, &Runtime::deactivate, true, true);
}

// Codelet calls in progress, as dicts; a Python codelet adds its class and file. Takes no
// lock a stuck codelet call could hold.
py::list graph_running_calls(uint64_t handle) {
  Context* context = context_from_handle(handle);
  std::vector<RunningCall> calls;
  if (Runtime* runtime = context->runtime()) {
    py::gil_scoped_release release;
    calls = runtime->running_calls();
  }
  py::list result;
  for (const RunningCall& call : calls) {
    py::dict info;
    info["entity"] = call.entity;
    info["component"] = call.component;
    info["type"] = call.type;
    info["source"] = call.source;
    info["phase"] = call.phase;
    info["thread_id"] = call.thread_id;
    if (Component* component = context->component(call.cid)) {
      for (const char* key : {"codelet_name", "codelet_file"}) {
        if (ParameterBase* parameter = component->find_parameter(key)) {
          info[key] = parameter->to_yaml();
        }
      }
    }
    result.append(info);
  }
  return result;
}

// Stops a context's graph and entities (Runtime::destroy) without freeing the context, so a
// caller may bound the time it takes and report what does not stop.
void runtime_stop(uint64_t handle) {
  Context* context = context_from_handle(handle);
  if (Runtime* runtime = context->runtime()) {
    py::gil_scoped_release release;
    runtime->destroy();
  }
}

void entity_notify(uint64_t handle, int64_t eid, int event) {
  Runtime* runtime = runtime_of(context_from_handle(handle));
  throw_if_error(runtime->notify(eid, static_cast<EventType>(event)));
}

int64_t entity_find(uint64_t handle, const std::string& name) {
  Entity* entity = context_from_handle(handle)->find_entity(name);
  if (!entity) throw_code(GXF_ENTITY_NOT_FOUND, "no entity named '" + name + "'");
  return entity->eid();
}

std::vector<int64_t> entity_find_all(uint64_t handle) {
  std::vector<int64_t> eids;
  for (Entity* entity : context_from_handle(handle)->graph_entities()) eids.push_back(entity->eid());
  return eids;
}

std::string entity_get_name(uint64_t handle, int64_t eid) {
  return entity_or_throw(context_from_handle(handle), eid)->name();
}

int entity_get_status(uint64_t handle, int64_t eid) {
  Context* context = context_from_handle(handle);
  entity_or_throw(context, eid);
  return context->runtime() ? context->runtime()->entity_status(eid) : 0;
}

int64_t entity_get_ref_count(uint64_t handle, int64_t eid) {
  Context* context = context_from_handle(handle);
  Entity* entity = context->entity(eid);
  if (!entity) throw_code(GXF_PARAMETER_NOT_FOUND, "uid " + std::to_string(eid) + " is not an entity");
  return entity->ref_count();
}

void entity_add_interface(uint64_t handle, int64_t eid, const std::string& name, int64_t cid) {
  Context* context = context_from_handle(handle);
  entity_or_throw(context, eid)->add_interface(name, component_from_cid(handle, cid));
}

void entity_reorder(uint64_t handle, const std::vector<int64_t>& eids) {
  Context* context = context_from_handle(handle);
  std::vector<Entity*> first;
  for (int64_t eid : eids) first.push_back(entity_or_throw(context, eid));
  context->reorder_entities(first);
}

std::vector<int64_t> component_find(uint64_t handle, int64_t eid, py::object type_name,
                                    py::object name) {
  Context* context = context_from_handle(handle);
  Entity* entity = entity_or_throw(context, eid);
  std::vector<int64_t> result;
  for (const auto& component : entity->components()) {
    if (!name.is_none() && component->name() != name.cast<std::string>()) continue;
    if (!type_name.is_none() &&
        !context->registry().is_a(component->type(), type_name.cast<std::string>())) {
      continue;
    }
    result.push_back(component->cid());
  }
  if (result.empty() && !name.is_none()) {
    if (Component* interface = entity->find_interface(name.cast<std::string>())) {
      result.push_back(interface->cid());
    }
  }
  return result;
}

py::dict component_info(uint64_t handle, int64_t cid) {
  Component* component = component_from_cid(handle, cid);
  py::dict info;
  info["cid"] = component->cid();
  info["eid"] = component->eid();
  info["name"] = component->name();
  info["type"] = component->type_name();
  info["entity"] = component->entity()->name();
  info["source"] = context_from_handle(handle)->component_source(component->cid());
  return info;
}

py::object component_type_id(uint64_t handle, const std::string& type_name) {
  const TypeInfo* type = context_from_handle(handle)->registry().find(type_name);
  if (!type) throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME, "unknown type '" + type_name + "'");
  return py::make_tuple(type->tid.hash1, type->tid.hash2);
}

std::string component_type_name(uint64_t handle, uint64_t hash1, uint64_t hash2) {
  const TypeInfo* type = context_from_handle(handle)->registry().find(gxf_tid_t{hash1, hash2});
  if (!type) throw_code(GXF_FACTORY_UNKNOWN_TID, "unknown type id");
  return type->name;
}

bool component_is_a(uint64_t handle, int64_t cid, const std::string& base_name) {
  Context* context = context_from_handle(handle);
  return context->registry().is_a(component_from_cid(handle, cid)->type(), base_name);
}

py::list extension_list(uint64_t handle) {
  py::list result;
  for (const auto& extension : context_from_handle(handle)->extensions()) {
    py::dict info;
    info["name"] = extension->name();
    info["tid"] = py::make_tuple(extension->tid().hash1, extension->tid().hash2);
    info["description"] = extension->description();
    info["author"] = extension->author();
    info["version"] = extension->version();
    info["license"] = extension->license();
    py::list types;
    for (const TypeInfo& type : extension->types()) {
      py::dict type_info;
      type_info["typename"] = type.name;
      type_info["tid"] = py::make_tuple(type.tid.hash1, type.tid.hash2);
      type_info["base_typename"] = type.base_name;
      type_info["is_abstract"] = type.is_abstract();
      type_info["description"] = type.description;
      types.append(type_info);
    }
    info["types"] = types;
    result.append(info);
  }
  return result;
}

}  // namespace

void bind_context(py::module_& m) {
  py::class_<YamlNode>(m, "YamlNode", "A parameter value as written in a graph file.")
      .def(py::init<>())
      .def_property(
          "kind", [](const YamlNode& node) { return static_cast<int>(node.kind); },
          [](YamlNode& node, int kind) { node.kind = static_cast<YamlNode::Kind>(kind); })
      .def_readwrite("scalar", &YamlNode::scalar)
      .def_readwrite("tag", &YamlNode::tag)
      .def_readwrite("quoted", &YamlNode::quoted)
      .def_readwrite("items", &YamlNode::items)
      .def_readwrite("entries", &YamlNode::entries)
      .def_readwrite("text", &YamlNode::text)
      .def_readwrite("line", &YamlNode::line);

  m.def("context_create", &context_create, "Create a context; returns its integer handle.");
  m.def("context_destroy", &context_destroy, "Destroy a context and everything in it.");
  m.def("gxf_set_severity", &set_severity, "Set the log severity (0 none .. 5 verbose).");
  m.def("set_log_file", [](const std::string& path) { return set_log_file(path); },
        "Redirect log output to a file ('' restores stdout/stderr).");
  m.def("load_extension_library", &load_extension_library,
        "Load an extension from a shared library path.");
  m.def("entity_create", &entity_create, "Create a graph entity; returns its eid.");
  m.def("component_add", &component_add, py::arg("context"), py::arg("eid"),
        py::arg("type_name"), py::arg("name"), py::arg("source") = "",
        "Add a component to an entity; returns its cid. `source` ('graph.yaml:14') is named "
        "in the component's failures.");
  m.def("component_set_parameter", &component_set_parameter, py::arg("context"), py::arg("cid"),
        py::arg("key"), py::arg("node"), py::arg("prefix"), py::arg("directory") = "",
        "Set a parameter from a YamlNode, resolving handles relative to the entity and file "
        "paths against `directory` (the graph file's folder).");
  m.def("graph_set_root_path",
        [](uint64_t handle, const std::string& path) {
          context_from_handle(handle)->root_path = path;
        },
        "Root directory for relative graph and subgraph paths (GxfGraphSetRootPath).");
  m.def("graph_root_path",
        [](uint64_t handle) { return context_from_handle(handle)->root_path; },
        "The root directory set by graph_set_root_path ('' if none).");
  m.def("component_graph_include", &component_graph_include,
        "For a loader directive (GraphInclude, e.g. Subgraph): (files to load, {prerequisite "
        "name: cid}); None for any other component.");
  m.def("subgraph_is_loaded",
        [](uint64_t handle, int64_t cid) {
          return context_from_handle(handle)->loaded_subgraphs.count(cid) > 0;
        },
        "Whether the files of Subgraph component `cid` were loaded.");
  m.def("subgraph_set_loaded",
        [](uint64_t handle, int64_t cid) {
          context_from_handle(handle)->loaded_subgraphs.insert(cid);
        },
        "Record that the files of Subgraph component `cid` were loaded.");
  m.def("parameter_get_yaml", &parameter_get_yaml, "A parameter's value as YAML text.");
  m.def("parameter_list", &parameter_list, "Declared parameters of a component type.");
  m.def("graph_activate", &graph_activate, "Activate the graph.");
  m.def("graph_run_async", &graph_run_async, "Start the graph's scheduler and return.");
  m.def("_graph_wait", &graph_wait, "Block until the scheduler ends (GIL released).");
  m.def("graph_interrupt", &graph_interrupt, "Ask a running graph to stop.");
  m.def("graph_running_calls", &graph_running_calls,
        "Codelet calls (start/tick/stop) in progress, with their threads.");
  m.def("_runtime_stop", &runtime_stop,
        "Stop the graph and its entities without destroying the context (GIL released).");
  m.def("graph_deactivate", &graph_deactivate, "Deactivate the graph.");
  m.def("entity_notify", &entity_notify, "Notify the scheduler of an event for an entity.");
  m.def("entity_find", &entity_find, "Eid of the entity with this name.");
  m.def("entity_find_all", &entity_find_all, "Eids of all graph entities.");
  m.def("entity_get_name", &entity_get_name, "Name of an entity.");
  m.def("entity_get_status", &entity_get_status, "Execution status of an entity (0..6).");
  m.def("entity_get_ref_count", &entity_get_ref_count, "Reference count of an entity.");
  m.def("entity_add_interface", &entity_add_interface, "Expose a component under a name.");
  m.def("entity_reorder", &entity_reorder, "Move entities to the front of the start order.");
  m.def("component_find", &component_find, py::arg("context"), py::arg("eid"),
        py::arg("type_name") = py::none(), py::arg("name") = py::none(),
        "Cids of an entity's components matching a type (or subtype) and/or a name.");
  m.def("component_info", &component_info, "Name, type and entity of a component.");
  m.def("component_type_id", &component_type_id, "Type id (hash1, hash2) of a type name.");
  m.def("component_type_name", &component_type_name, "Type name of a type id.");
  m.def("component_is_a", &component_is_a, "Whether a component is of a type or derives from it.");
  m.def("extension_list", &extension_list, "Loaded extensions with their types.");
}

}  // namespace gxf
}  // namespace nvidia
