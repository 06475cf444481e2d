// A stand-in for PayPal's JavaScript SDK (https://www.paypal.com/sdk/js), served to the browser by
// Playwright's page.route in end-to-end tests (the real one cannot load offline). It implements what
// @paypal/react-paypal-js 10.5.2 calls — window.paypal.Buttons(options) with isEligible(),
// render(container), close() and updateProps(), and onInit(data, { enable, disable }) — and plays
// PayPal's approval window as a dialog in the page: "Approve payment" calls onApprove({ orderID }),
// "Cancel" calls onCancel({ orderID }). A failing createOrder or onApprove goes to onError, as in the
// real SDK.
(function () {
  "use strict";

  function makeButton(label, onClick) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.style.cssText = "display:block;width:100%;margin:4px 0;padding:10px;border-radius:6px;font-weight:600;cursor:pointer";
    button.addEventListener("click", onClick);
    return button;
  }

  function Buttons(options) {
    var container = null;
    var payButton = null;
    var dialog = null;

    function fail(error) {
      if (typeof options.onError === "function") options.onError(error);
      else console.error(error);
    }

    function closeDialog() {
      if (dialog) dialog.remove();
      dialog = null;
    }

    function showCheckout(orderID) {
      closeDialog();
      dialog = document.createElement("div");
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-label", "PayPal checkout (fake)");
      dialog.setAttribute("data-order-id", String(orderID));
      dialog.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:1000;padding:1rem;background:#fff;color:#111;border-radius:8px";
      var text = document.createElement("p");
      text.textContent = "Fake PayPal: pay for order " + orderID + "?";
      dialog.appendChild(text);
      dialog.appendChild(
        makeButton("Approve payment", function () {
          closeDialog();
          var actions = { restart: start, order: {} };
          Promise.resolve()
            .then(function () {
              return options.onApprove({ orderID: orderID, payerID: "FAKEBUYER0000001", paymentSource: "paypal" }, actions);
            })
            .catch(fail);
        }),
      );
      dialog.appendChild(
        makeButton("Cancel", function () {
          closeDialog();
          if (typeof options.onCancel === "function") options.onCancel({ orderID: orderID });
        }),
      );
      document.body.appendChild(dialog);
    }

    function start() {
      Promise.resolve()
        .then(function () {
          return options.createOrder({ paymentSource: "paypal" }, {});
        })
        .then(function (orderID) {
          if (typeof orderID !== "string" || orderID.length === 0) throw new Error("createOrder did not return an order id");
          showCheckout(orderID);
        })
        .catch(fail);
    }

    var actions = {
      enable: function () {
        if (payButton) payButton.disabled = false;
        return Promise.resolve();
      },
      disable: function () {
        if (payButton) payButton.disabled = true;
        return Promise.resolve();
      },
    };

    return {
      isEligible: function () {
        return true;
      },
      render: function (target) {
        container = typeof target === "string" ? document.querySelector(target) : target;
        if (!container) return Promise.reject(new Error("The PayPal buttons container was not found"));
        payButton = makeButton("PayPal", start);
        payButton.setAttribute("aria-label", "Pay with PayPal");
        payButton.setAttribute("data-testid", "fake-paypal-button");
        payButton.style.background = "#ffc439";
        container.appendChild(payButton);
        if (typeof options.onInit === "function") options.onInit({}, actions);
        return Promise.resolve();
      },
      close: function () {
        closeDialog();
        if (container) container.replaceChildren();
        return Promise.resolve();
      },
      updateProps: function () {
        return Promise.resolve();
      },
    };
  }

  window.paypal = { Buttons: Buttons, version: "5.0.0-fake" };
})();
