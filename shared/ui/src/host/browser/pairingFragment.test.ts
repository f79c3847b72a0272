import { describe, expect, it } from "vitest";
import { takePairingToken } from "./pairingFragment.ts";

function fakeHistory(): {
  state: unknown;
  urls: string[];
  replaceState(data: unknown, unused: string, url?: string): void;
} {
  const urls: string[] = [];
  return { state: { kept: true }, urls, replaceState: (_data, _unused, url) => void urls.push(url ?? "") };
}

describe("takePairingToken", () => {
  it("takes the token from the fragment and removes it from the address bar", () => {
    const history = fakeHistory();
    const token = takePairingToken({ hash: "#token=a%2Bb%2Fc%3D", pathname: "/", search: "" }, history);
    expect(token).toBe("a+b/c=");
    expect(history.urls).toEqual(["/"]);
  });

  it("keeps the query and other fragment parameters", () => {
    const history = fakeHistory();
    expect(takePairingToken({ hash: "#view=search&token=abc", pathname: "/panel/", search: "?x=1" }, history)).toBe(
      "abc",
    );
    expect(history.urls).toEqual(["/panel/?x=1#view=search"]);
  });

  it("leaves a page without a pairing fragment alone", () => {
    const history = fakeHistory();
    expect(takePairingToken({ hash: "", pathname: "/", search: "" }, history)).toBeNull();
    expect(takePairingToken({ hash: "#view=search", pathname: "/", search: "" }, history)).toBeNull();
    expect(history.urls).toEqual([]);
  });

  it("removes an empty token from the address bar without returning it", () => {
    const history = fakeHistory();
    expect(takePairingToken({ hash: "#token=", pathname: "/", search: "" }, history)).toBeNull();
    expect(history.urls).toEqual(["/"]);
  });
});
