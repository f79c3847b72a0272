import { describe, expect, it } from "vitest";
import { correctGerman, foldGerman } from "./germanCorrection.ts";

describe("correctGerman", () => {
  it("restores umlauts and ß the recogniser drops, keeping the case it read", () => {
    expect(correctGerman("Koln Hauptbahnhof")).toBe("Köln Hauptbahnhof");
    expect(correctGerman("Burgermeisterin Anna Schafer")).toBe("Bürgermeisterin Anna Schäfer");
    expect(correctGerman("Gottingen StraBe")).toBe("Göttingen Straße");
    expect(correctGerman("FuBball BuBgeld SchlieBung")).toBe("Fußball Bußgeld Schließung");
    expect(correctGerman("OBERBURGERMEISTER")).toBe("OBERBÜRGERMEISTER");
  });
  it("leaves ambiguous and foreign words alone", () => {
    expect(correctGerman("schon GroBe Zurich Hamburger SoftBank eBay LeBlanc")).toBe(
      "schon Große Zurich Hamburger SoftBank eBay LeBlanc",
    );
    expect(correctGerman("Landtag Brandenburg")).toBe("Landtag Brandenburg");
  });
  it("folds for matching", () => {
    expect(foldGerman("Größe Straße")).toBe("grosse strasse");
  });
});

describe("correctGerman on what the model really reads", () => {
  it("handles ß read as s, über- words and compounds starting with a lexicon word", () => {
    expect(correctGerman("Fusball: Derby")).toBe("Fußball: Derby");
    expect(correctGerman("Groste Demonstration")).toBe("Größte Demonstration");
    expect(correctGerman("Krankenhauser uberlastet")).toBe("Krankenhäuser überlastet");
    expect(correctGerman("Gemusepreise steigen")).toBe("Gemüsepreise steigen");
    expect(correctGerman("Bußgeld fur Raser erhoht")).toBe("Bußgeld fur Raser erhöht");
    expect(correctGerman("Uber Taxi")).toBe("Uber Taxi");
  });
});
