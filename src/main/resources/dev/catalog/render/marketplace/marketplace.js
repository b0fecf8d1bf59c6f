(function () {
  "use strict";
  var form = document.getElementById("filters");
  var q = document.getElementById("q");
  var broker = document.getElementById("broker");
  var free = document.getElementById("free");
  var bindable = document.getElementById("bindable");
  var status = document.getElementById("status");
  var services = Array.prototype.slice.call(document.querySelectorAll("article.service"));

  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    services.forEach(function (service) {
      var brokerOk = !broker.value || service.dataset.broker === broker.value;
      var serviceText = service.dataset.search;
      var anyPlan = false;
      service.querySelectorAll("section.plan").forEach(function (plan) {
        var text = serviceText + " " + plan.dataset.search;
        var ok = brokerOk &&
          (!free.checked || plan.dataset.free === "true") &&
          (!bindable.checked || plan.dataset.bindable === "true") &&
          words.every(function (w) { return text.indexOf(w) >= 0; });
        plan.hidden = !ok;
        anyPlan = anyPlan || ok;
      });
      service.hidden = !anyPlan;
      if (anyPlan) { shown++; }
    });
    document.querySelectorAll("section.broker").forEach(function (section) {
      section.hidden = section.querySelector("article.service:not([hidden])") === null &&
        section.querySelector("article.service") !== null;
    });
    status.textContent = "Showing " + shown + " of " + services.length + " services.";
  }

  var params = new URLSearchParams(window.location.search);
  q.value = params.get("q") || "";
  broker.value = params.get("broker") || "";
  free.checked = params.get("free") === "1";
  bindable.checked = params.get("bindable") === "1";
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });

  document.querySelectorAll("pre.snippet").forEach(function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy YAML";
    button.addEventListener("click", function () {
      var done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(pre.textContent).then(done, function () {});
      }
    });
    pre.parentNode.insertBefore(button, pre);
  });
  apply();
})();
