// Shows the print buttons (hidden without script) and prints the page when one is pressed.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
