using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Workers.SimulatorBenchmark.Workloads;

/// <summary>UniAll gpt-image-2 tasks on one key.</summary>
internal sealed class UniAllWorkload : IWorkload
{
    private const string Key = "sk-benchmark";

    public string Provider => "uniall";

    public IEnumerable<string> SimulatorArgs => [];

    public HttpRequestMessage Submit(int index) => Authorized(new HttpRequestMessage(HttpMethod.Post, "v1/images/tasks")
    {
        Content = new StringContent(
            $"{{\"model\":\"gpt-image-2\",\"prompt\":\"benchmark image {index}\",\"size\":\"1024x1024\"}}",
            Encoding.UTF8,
            "application/json"),
    });

    public string TaskId(int status, string body) =>
        status == 200
            ? JsonDocument.Parse(body).RootElement.GetProperty("task_id").GetString()!
            : throw new InvalidOperationException($"UniAll submit answered {status}: {body}");

    public HttpRequestMessage Poll(string taskId, int index) =>
        Authorized(new HttpRequestMessage(HttpMethod.Get, $"v1/images/tasks/{Uri.EscapeDataString(taskId)}"));

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return request;
    }
}
