using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Workers.SimulatorBenchmark.Workloads;

/// <summary>Apikley sora-2-pro-storyboard tasks on one key (rate and running limits raised so every create is accepted).</summary>
internal sealed class ApikleyWorkload : IWorkload
{
    public string Provider => "apikley";

    public IEnumerable<string> SimulatorArgs =>
        ["--Simulator:Apikley:CreateTaskLimit=1000000000", "--Simulator:Apikley:MaxRunningTasks=1000000000", "--Simulator:Apikley:DefaultBalance=1000000000000"];

    public HttpRequestMessage Submit(int index) => Authorized(new HttpRequestMessage(HttpMethod.Post, "api/v1/jobs/createTask")
    {
        Content = new StringContent(
            "{\"model\":\"sora-2-pro-storyboard\",\"input\":{\"n_frames\":\"10\",\"aspect_ratio\":\"landscape\","
            + $"\"shots\":[{{\"Scene\":\"benchmark shot {index}\",\"duration\":5}},{{\"Scene\":\"second shot\",\"duration\":5}}]}}}}",
            Encoding.UTF8,
            "application/json"),
    });

    public string TaskId(int status, string body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        return status == 200 && root.GetProperty("code").GetInt32() == 200
            ? root.GetProperty("data").GetProperty("taskId").GetString()!
            : throw new InvalidOperationException($"Apikley createTask answered {status}: {body}");
    }

    public HttpRequestMessage Poll(string taskId, int index) =>
        Authorized(new HttpRequestMessage(HttpMethod.Get, $"api/v1/jobs/recordInfo?taskId={Uri.EscapeDataString(taskId)}"));

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-key");
        return request;
    }
}
