// Progressive enhancement only: every control here also works as a plain link or form.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Ticking a facet value sends the filter form at once (dates typed meanwhile included);
  // without JavaScript the "Lọc"/"Filter" button does the same.
  document.querySelectorAll(".facet-form input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () {
      var form = box.form;
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });

  // The citation's copy button exists only where the clipboard can be reached.
  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () {
        var label = button.textContent;
        button.textContent = button.dataset.copied;
        window.setTimeout(function () { button.textContent = label; }, 2000);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.value).then(done, function () {
          source.select();
        });
      } else {
        source.select();
        document.execCommand("copy");
        done();
      }
    });
  });
});
