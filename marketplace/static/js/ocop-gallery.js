/* The product gallery's zoom (our own code, no library): a tap on a photo opens it large in a
   <dialog>; a tap on the large photo toggles a 2× zoom (then drag/scroll to move around);
   Escape, the close button or a tap outside closes it. Without JavaScript each photo is a link
   to the large picture. An external file, so the Content-Security-Policy needs no nonce. */
(function () {
  "use strict";
  var dialog = null, img = null, frame = null;
  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "ocop-lightbox";
    dialog.setAttribute("aria-label", document.documentElement.lang === "en" ? "Photo" : "Ảnh sản phẩm");
    var close = document.createElement("button");
    close.type = "button"; close.className = "ocop-lightbox__close";
    close.setAttribute("aria-label", document.documentElement.lang === "en" ? "Close" : "Đóng");
    close.textContent = "×";
    frame = document.createElement("div");
    frame.className = "ocop-lightbox__frame";
    img = document.createElement("img");
    img.alt = "";
    frame.appendChild(img);
    dialog.appendChild(close); dialog.appendChild(frame);
    document.body.appendChild(dialog);
    close.addEventListener("click", function () { dialog.close(); });
    img.addEventListener("click", function (event) {
      event.stopPropagation();
      frame.classList.toggle("is-zoomed");
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || event.target === frame) { dialog.close(); }
    });
    dialog.addEventListener("close", function () { frame.classList.remove("is-zoomed"); });
  }
  function open(link) {
    if (!dialog) { build(); }
    var thumb = link.querySelector("img");
    img.src = link.getAttribute("href");
    img.alt = thumb ? thumb.alt : "";
    if (typeof dialog.showModal === "function") { dialog.showModal(); }
    else { window.location.href = link.getAttribute("href"); }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-ocop-zoom]") : null;
    if (!link || !link.getAttribute("href")) { return; }
    event.preventDefault();
    open(link);
  });
})();
