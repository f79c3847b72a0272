import { PREMIERE_PLUGIN } from "./premierePlugin.ts";

/** Where the rendered CEP manifest goes (CSXS/manifest.xml of the extension folder). */
export const CEP_MANIFEST_FILE = "panel-premiere/cep/CSXS/manifest.xml";

/** CEP's manifest for Premiere (host code PPRO) 25.0 to 25.5, with the ExtendScript it loads. */
export function renderCepManifest(): string {
  const p = PREMIERE_PLUGIN;
  const s = p.panelSize;
  return `<?xml version="1.0" encoding="UTF-8"?>
<ExtensionManifest Version="7.0" ExtensionBundleId="${p.cepBundleId}" ExtensionBundleVersion="${p.version}" ExtensionBundleName="${p.name}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ExtensionList>
    <Extension Id="${p.cepPanelId}" Version="${p.version}"/>
  </ExtensionList>
  <ExecutionEnvironment>
    <HostList>
      <Host Name="PPRO" Version="[${p.cepHostRange.from},${p.cepHostRange.to}]"/>
    </HostList>
    <LocaleList>
      <Locale Code="All"/>
    </LocaleList>
    <RequiredRuntimeList>
      <RequiredRuntime Name="CSXS" Version="${p.cepRuntime}"/>
    </RequiredRuntimeList>
  </ExecutionEnvironment>
  <DispatchInfoList>
    <Extension Id="${p.cepPanelId}">
      <DispatchInfo>
        <Resources>
          <MainPath>./index.html</MainPath>
          <ScriptPath>./jsx/sichter.jsx</ScriptPath>
        </Resources>
        <Lifecycle>
          <AutoVisible>true</AutoVisible>
        </Lifecycle>
        <UI>
          <Type>Panel</Type>
          <Menu>${p.name}</Menu>
          <Geometry>
            <Size>
              <Height>${s.height}</Height>
              <Width>${s.width}</Width>
            </Size>
            <MinSize>
              <Height>${s.minHeight}</Height>
              <Width>${s.minWidth}</Width>
            </MinSize>
          </Geometry>
        </UI>
      </DispatchInfo>
    </Extension>
  </DispatchInfoList>
</ExtensionManifest>
`;
}
