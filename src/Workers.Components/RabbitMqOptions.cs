using System.ComponentModel.DataAnnotations;

namespace Workers.Components;

/// <summary>The broker (section <c>RabbitMq</c>).</summary>
public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    /// <summary><c>amqp://user:password@host:port/vhost</c>; the vhost is URL-encoded (<c>%2F</c> or empty for <c>/</c>).</summary>
    [Required]
    public string Url { get; set; } = "amqp://guest:guest@localhost:5672/";
}
