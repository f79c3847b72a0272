/** The methods the CEP panel calls. Host work (markers, XMP, project column) comes next. */
namespace Sichter {
  /** Answers its arguments: the panel checks the bridge (and its encoding) with it. */
  register("ping", function (args: unknown) {
    return { pong: args };
  });
}
